package store.traffictacos.capacity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PlatformSeriesFile")
class PlatformSeriesFileTest {
    @TempDir
    Path runDir;

    private Path file;

    @BeforeEach
    void file() {
        file = runDir.resolve("platform.json");
    }

    private static final List<PlatformSample> SAMPLES = List.of(
            new PlatformSample("redis", "127.0.0.1:6379/ops_per_sec", 1_000L, 24_392.0, "ops/s"),
            new PlatformSample("redis", "127.0.0.1:6379/cpu_pct", 1_000L, 37.5, "%"),
            new PlatformSample("redis", "127.0.0.1:6379/ops_per_sec", 6_000L, 25_010.0, "ops/s"),
            new PlatformSample("redis", "127.0.0.1:6379/cpu_pct", 6_000L, 41.25, "%"));

    @Test
    @DisplayName("what is written is read back: the same samples (series by series) and unavailable reasons")
    void roundTrips() throws IOException {
        // Given
        Map<String, String> unavailable = Map.of("cloudwatch", "cloudwatch unavailable: no AWS credentials");

        // When
        PlatformSeriesFile.write(file, SAMPLES, unavailable);
        PlatformSeriesFile.Contents contents = PlatformSeriesFile.read(file);

        // Then
        assertThat(contents.samples()).containsExactly(SAMPLES.get(0), SAMPLES.get(2), SAMPLES.get(1), SAMPLES.get(3));
        assertThat(contents.unavailable()).isEqualTo(unavailable);
    }

    @Test
    @DisplayName("the file is tacos-platform/1: samples grouped by series with unit and [epochMs, value] points")
    void documentedFormat() throws IOException {
        // When
        PlatformSeriesFile.write(file, SAMPLES, Map.of());
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        // Then
        assertThat(json.path("format").asText()).isEqualTo("tacos-platform/1");
        assertThat(json.path("series")).hasSize(2);
        JsonNode ops = json.path("series").get(0);
        assertThat(ops.path("source").asText()).isEqualTo("redis");
        assertThat(ops.path("series").asText()).isEqualTo("127.0.0.1:6379/ops_per_sec");
        assertThat(ops.path("unit").asText()).isEqualTo("ops/s");
        assertThat(ops.path("points").toString()).isEqualTo("[[1000,24392.0],[6000,25010.0]]");
        assertThat(json.path("unavailable").isObject()).isTrue();
        assertThat(json.path("unavailable")).isEmpty();
    }

    @Test
    @DisplayName("a run without samples still writes a readable file")
    void emptyRun() throws IOException {
        // When
        PlatformSeriesFile.write(
                file, List.of(), Map.of("redis", "redis 127.0.0.1:6399 unavailable: Connection refused"));

        // Then
        PlatformSeriesFile.Contents contents = PlatformSeriesFile.read(file);
        assertThat(contents.samples()).isEmpty();
        assertThat(contents.unavailable()).containsOnlyKeys("redis");
    }

    @Test
    @DisplayName("a file of another format is refused with its path and format")
    void refusesOtherFormats() throws IOException {
        // Given
        Path file =
                Files.writeString(runDir.resolve("platform.json"), "{\"format\":\"tacos-platform/9\",\"series\":[]}");

        // Then
        assertThatThrownBy(() -> PlatformSeriesFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("platform.json")
                .hasMessageContaining("tacos-platform/9");
    }
}
