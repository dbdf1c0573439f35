package store.traffictacos.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TextFiles.read")
class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("reads a file's text")
    void reads() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "name: x\n");
        assertThat(TextFiles.read(file, "profile file")).isEqualTo("name: x\n");
    }

    @Test
    @DisplayName("a missing file, a folder and bytes that are not UTF-8 are named in one line")
    void refuses() throws Exception {
        Path binary = Files.write(dir.resolve("b.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> TextFiles.read(dir.resolve("none.yaml"), "SLO file"))
                .hasMessage("cannot read SLO file " + dir.resolve("none.yaml") + ": No such file");
        assertThatThrownBy(() -> TextFiles.read(dir, "run spec"))
                .hasMessage("cannot read run spec " + dir + ": it is a folder");
        assertThatThrownBy(() -> TextFiles.read(binary, "profile file")).hasMessageEndingWith(": not UTF-8 text");
    }
}
