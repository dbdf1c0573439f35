package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineTap")
class LineTapTest {
    @Test
    @DisplayName("writes every byte through and hands over each complete line, however the writes cut it")
    void linesAcrossWrites() throws Exception {
        // Given
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        LineTap tap = new LineTap(file, lines::add);
        byte[] text = "tacos-progress 0 5 1\nsecond line\nunfinished".getBytes(StandardCharsets.UTF_8);

        // When written in pieces that cut lines apart, and one byte at a time
        tap.write(text, 0, 7);
        tap.write(text, 7, 20);
        for (int i = 27; i < text.length; i++) {
            tap.write(text[i]);
        }

        // Then
        assertThat(file.toByteArray()).isEqualTo(text);
        assertThat(lines).containsExactly("tacos-progress 0 5 1", "second line");
    }
}
