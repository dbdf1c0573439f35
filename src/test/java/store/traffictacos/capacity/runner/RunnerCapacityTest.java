package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RunnerCapacity")
class RunnerCapacityTest {
    private static final Path BASELINE = Path.of("bench", "baseline.json");

    @Test
    @DisplayName("the default share is two thirds of the sustained rate, rounded down to 500")
    void defaultShareRule() {
        assertThat(RunnerCapacity.DEFAULT_SHARE_RPS)
                .isEqualTo(Math.floor(RunnerCapacity.SUSTAINED_RPS * 2 / 3 / 500) * 500);
    }

    @Test
    @DisplayName("its figures are those of bench/baseline.json, the full bench/run's")
    void figuresOfTheBaseline() throws IOException {
        // Given the runner's figures of the committed baseline
        JsonNode runner = new ObjectMapper().readTree(BASELINE.toFile()).path("runner");

        // Then
        assertThat(RunnerCapacity.SUSTAINED_RPS)
                .isEqualTo(runner.path("sustainedRps").asDouble());
        assertThat(RunnerCapacity.DEFAULT_SHARE_RPS)
                .as("DEFAULT_SHARE_RPS, a literal for the CLI's help")
                .isEqualTo(runner.path("defaultShareRps").asDouble());
        assertThat(RunnerCapacity.inFlightCapacity(HttpVersion.HTTP_1_1))
                .isEqualTo(runner.path("inFlight").path("1.1").asInt());
        assertThat(RunnerCapacity.inFlightCapacity(HttpVersion.HTTP_2))
                .isEqualTo(runner.path("inFlight").path("2").asInt());
    }

    @Test
    @DisplayName("the class path (so the jar a runner pod runs) carries bench/baseline.json as it is")
    void baselineOnTheClassPath() throws IOException {
        // When
        byte[] carried;
        try (InputStream in = RunnerCapacity.class.getResourceAsStream(RunnerCapacity.BASELINE_RESOURCE)) {
            assertThat(in)
                    .as("%s beside RunnerCapacity", RunnerCapacity.BASELINE_RESOURCE)
                    .isNotNull();
            carried = in.readAllBytes();
        }

        // Then
        assertThat(carried).isEqualTo(Files.readAllBytes(BASELINE));
    }
}
