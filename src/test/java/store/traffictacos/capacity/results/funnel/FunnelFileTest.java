package store.traffictacos.capacity.results.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A runner's funnel file")
class FunnelFileTest {
    @TempDir
    Path dir;

    private static Funnel recorded() {
        FunnelRecorder recorder =
                new FunnelRecorder(0.5, List.of("ramp", "step"), List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        recorder.start(0);
        int phase = recorder.phaseOf(Duration.ofSeconds(6).toNanos());
        recorder.joined(phase, true);
        recorder.admitted(phase, true, Duration.ofMillis(2_500).toNanos());
        recorder.held(phase);
        recorder.paid(phase);
        recorder.confirmed(phase);
        recorder.joined(phase, false);
        recorder.admitted(phase, false, Duration.ofMillis(4_000).toNanos());
        return recorder.snapshot();
    }

    @Test
    @DisplayName("reads back what the runner recorded: counts per phase and the time to admission")
    void roundTrip() throws IOException {
        // Given
        Funnel funnel = recorded();

        // When
        FunnelFile.write(dir, funnel);
        Funnel read = FunnelFile.read(dir).orElseThrow();

        // Then
        assertThat(read.purchaseShare()).isEqualTo(0.5);
        PhaseFunnel step = read.phases().get(1);
        assertThat(List.of(step.journeys(), step.joined(), step.admitted(), step.held(), step.paid(), step.confirmed()))
                .containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(step.admissionMs()).isEqualTo(funnel.phases().get(1).admissionMs());
        assertThat(read.phases().get(0).journeys()).isZero();
    }

    @Test
    @DisplayName("a runner recorded before funnels existed has none")
    void absent() throws IOException {
        // When / Then
        assertThat(FunnelFile.read(dir)).isEmpty();
    }

    @Test
    @DisplayName("a damaged file is named in the error")
    void damaged() throws IOException {
        // Given
        Files.writeString(dir.resolve(FunnelFile.FILE_NAME), "{\"format\": \"tacos-funnel/1\", \"phases\": [{}]}");

        // When / Then
        assertThatThrownBy(() -> FunnelFile.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("funnel.json is damaged");
    }
}
