package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DescriptorGauge")
class DescriptorGaugeTest {
    private static final long MAX = 20_000;

    @Test
    @DisplayName("reads exhausted when fewer descriptors than its headroom were free at the last sample")
    void exhaustedNearTheLimit() {
        // Given
        AtomicLong open = new AtomicLong(MAX - DescriptorGauge.HEADROOM + 1);
        DescriptorGauge gauge = new DescriptorGauge(() -> MAX, open::get);

        // When
        gauge.sample();

        // Then
        assertThat(gauge.exhausted()).isTrue();
    }

    @Test
    @DisplayName("reads not exhausted with descriptors to spare, and follows the count from one sample to the next")
    void followsTheCount() {
        // Given a JVM at its limit
        AtomicLong open = new AtomicLong(MAX);
        DescriptorGauge gauge = new DescriptorGauge(() -> MAX, open::get);
        gauge.sample();

        // When its connections close
        open.set(MAX - DescriptorGauge.HEADROOM);
        gauge.sample();

        // Then
        assertThat(gauge.exhausted()).isFalse();
    }

    @Test
    @DisplayName("reads not exhausted before its first sample")
    void notExhaustedBeforeSampling() {
        // Given
        DescriptorGauge gauge = new DescriptorGauge(() -> MAX, () -> MAX);

        // When nothing sampled
        // Then
        assertThat(gauge.exhausted()).isFalse();
    }
}
