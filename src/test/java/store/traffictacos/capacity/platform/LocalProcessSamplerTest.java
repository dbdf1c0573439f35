package store.traffictacos.capacity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.local.LocalProcessSampler;

@DisplayName("Local process sampler")
class LocalProcessSamplerTest {

    @Test
    @DisplayName("a sample stamps this JVM's heap in use, threads and CPU % with the given time")
    void samplesThisJvm() {
        // Given
        LocalProcessSampler sampler = new LocalProcessSampler();

        // When
        List<PlatformSample> samples = sampler.sample(1_700_000_000_000L);

        // Then
        assertThat(samples).allSatisfy(sample -> {
            assertThat(sample.source()).isEqualTo("local");
            assertThat(sample.epochMs()).isEqualTo(1_700_000_000_000L);
        });
        assertThat(samples)
                .filteredOn(sample -> sample.series().equals("heap_used"))
                .singleElement()
                .satisfies(heap -> assertThat(heap.value())
                        .isPositive()
                        .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory()));
        assertThat(samples)
                .filteredOn(sample -> sample.series().equals("threads"))
                .singleElement()
                .satisfies(threads -> assertThat(threads.value()).isGreaterThanOrEqualTo(1));
        assertThat(samples)
                .filteredOn(sample -> sample.series().equals("cpu_pct"))
                .allSatisfy(cpu -> assertThat(cpu.value()).isBetween(0.0, 100.0));
        assertThat(sampler.unavailableReason()).isEmpty();
    }
}
