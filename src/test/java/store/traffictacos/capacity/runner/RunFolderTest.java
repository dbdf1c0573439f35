package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("RunFolder")
class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("lists the runner folders present by their index, not by text, and nothing else")
    void runners() throws Exception {
        // Given
        for (String name : new String[] {"runner-10", "runner-2", "runner-x", "logs", "runner-0"}) {
            Files.createDirectories(dir.resolve(name));
        }
        Files.writeString(dir.resolve("runner-3"), "a file, not a runner folder");

        // When
        RunFolder folder = new RunFolder(dir);

        // Then
        assertThat(folder.runners())
                .extracting(path -> path.getFileName().toString())
                .containsExactly("runner-0", "runner-2", "runner-10");
    }

    @Test
    @DisplayName("a run folder that does not exist yet has no runners")
    void notYet() {
        assertThat(new RunFolder(dir.resolve("none")).runners()).isEmpty();
    }

    @Test
    @DisplayName("names the run's files beside the runner folders, under an absolute path")
    void files() {
        // When
        RunFolder folder = RunFolder.of(Path.of("reports"), "nightly-1");

        // Then
        assertThat(folder.dir()).isEqualTo(Path.of("reports", "nightly-1").toAbsolutePath());
        assertThat(folder.runnersFile().getFileName()).hasToString("runners.json");
        assertThat(folder.platformFile().getFileName()).hasToString("platform.json");
        assertThat(folder.statusFile().getFileName()).hasToString("status.json");
        assertThat(folder.runnerLog(2)).isEqualTo(folder.logs().resolve("runner-2.log"));
    }
}
