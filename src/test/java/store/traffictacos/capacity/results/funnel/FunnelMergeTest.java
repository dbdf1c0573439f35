package store.traffictacos.capacity.results.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Funnels merged across runners")
class FunnelMergeTest {
    private static PhaseFunnel phase(String name, long joined, long confirmed, long... admissionMs) {
        Histogram histogram = new Histogram(3);
        for (long value : admissionMs) {
            histogram.recordValue(value);
        }
        return new PhaseFunnel(name, 2 * joined, joined, joined, joined, joined, confirmed, 0, histogram);
    }

    @Test
    @DisplayName("add every runner's counts and histograms phase by phase")
    void sums() {
        // Given runner 0 and runner 2 of a run
        Funnel runner0 = new Funnel(0.5, List.of(phase("step", 10, 9, 1_000, 2_000)));
        Funnel runner2 = new Funnel(0.5, List.of(phase("step", 5, 3, 30_000)));

        // When
        PhaseFunnel merged = Funnel.merge(List.of(runner0, runner2)).phases().get(0);

        // Then
        assertThat(List.of(merged.journeys(), merged.joined(), merged.confirmed()))
                .containsExactly(30L, 15L, 12L);
        assertThat(merged.admissionMs().getTotalCount()).isEqualTo(3);
        assertThat(merged.admissionMs().getValueAtPercentile(99))
                .isCloseTo(30_000L, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    @DisplayName("leave every runner's own funnel unchanged")
    void inputsUnchanged() {
        // Given
        Funnel runner0 = new Funnel(0.5, List.of(phase("step", 10, 9, 1_000)));

        // When
        Funnel.merge(List.of(runner0, new Funnel(0.5, List.of(phase("step", 1, 1, 5_000)))));

        // Then
        assertThat(runner0.phases().get(0).admissionMs().getTotalCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("refuse runners whose phases differ")
    void differentPhases() {
        // Given
        Funnel steps = new Funnel(0.5, List.of(phase("step", 1, 1)));
        Funnel ramp = new Funnel(0.5, List.of(phase("ramp", 1, 1)));

        // When / Then
        assertThatThrownBy(() -> Funnel.merge(List.of(steps, ramp))).hasMessageContaining("different phases");
    }
}
