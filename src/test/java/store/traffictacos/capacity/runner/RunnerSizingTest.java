package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.profile.LoadProfile;

@DisplayName("RunnerSizing: runners by rate and by latency")
class RunnerSizingTest {
    private static final LoadProfile PEAK_30K = ProfileChoice.builtIn("30k").profile();

    @Test
    @DisplayName("at 1 s latency 30k needs as many runners as the in-flight capacity asks, above the rate's")
    void latencyDecides() {
        // Given 30,000 req/s at peak... (the 30k profile peaks at 40,000 in its stress phase)
        double peak = PEAK_30K.peakRps();
        int capacity = RunnerCapacity.inFlightCapacity(HttpVersion.HTTP_1_1);

        // When
        RunnerSizing sizing = RunnerSizing.of(PEAK_30K, null, 16_000, Duration.ofSeconds(1), HttpVersion.HTTP_1_1);

        // Then
        int byLatency = (int) Math.ceil(peak / capacity);
        int byRate = (int) Math.ceil(peak / 16_000);
        assertThat(sizing.runners()).isEqualTo(Math.max(byLatency, byRate));
        assertThat(peak / sizing.runners()).isLessThanOrEqualTo(capacity);
        assertThat(sizing.reasoning()).hasSize(3);
        assertThat(sizing.reasoning().get(0)).startsWith("by rate: ");
        assertThat(sizing.reasoning().get(1)).startsWith("by latency: ").contains("measured over HTTP/1.1");
    }

    @Test
    @DisplayName("with a fast platform the rate decides")
    void rateDecides() {
        // When
        RunnerSizing sizing = RunnerSizing.of(PEAK_30K, null, 10_000, Duration.ofMillis(10), HttpVersion.HTTP_1_1);

        // Then
        assertThat(sizing.runners()).isEqualTo((int) Math.ceil(PEAK_30K.peakRps() / 10_000));
        assertThat(sizing.reasoning().get(2)).endsWith("(the rate limit)");
    }

    @Test
    @DisplayName("given runners too few for the latency are kept, with the warning and the count to use")
    void givenTooFew() {
        // When
        RunnerSizing sizing = RunnerSizing.of(PEAK_30K, 1, 16_000, Duration.ofSeconds(3), HttpVersion.HTTP_1_1);

        // Then
        assertThat(sizing.runners()).isEqualTo(1);
        assertThat(sizing.reasoning().get(2))
                .startsWith("given: 1 runner(s)")
                .contains("runners will send less than the profile (use at least");
    }
}
