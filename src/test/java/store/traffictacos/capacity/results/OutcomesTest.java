package store.traffictacos.capacity.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outcomes")
class OutcomesTest {
    @Test
    @DisplayName("a rate-limited outcome carries the per-client limit it was refused under")
    void rateLimitedCarriesLimit() {
        // Given
        String outcome = Outcomes.rateLimited(10_000);

        // When
        long limit = Outcomes.perClientLimit(outcome);

        // Then
        assertThat(outcome).isEqualTo("rate_limited_10000");
        assertThat(limit).isEqualTo(10_000);
        assertThat(Outcomes.isError(outcome)).isTrue();
    }

    @Test
    @DisplayName("other outcomes name no per-client limit")
    void otherOutcomesNameNoLimit() {
        // Given / When / Then
        assertThat(Outcomes.perClientLimit("http_429")).isEqualTo(-1);
        assertThat(Outcomes.perClientLimit("rate_limited_x")).isEqualTo(-1);
        assertThat(Outcomes.perClientLimit(Outcomes.OK)).isEqualTo(-1);
    }

    @Test
    @DisplayName("a per-client refusal is an error but not the platform's; a 503 and a timeout are both")
    void platformErrors() {
        // Given
        String refused = Outcomes.rateLimited(10_000);

        // Then
        assertThat(Outcomes.isError(refused)).isTrue();
        assertThat(Outcomes.isPlatformError(refused)).isFalse();
        assertThat(Outcomes.isPlatformError("http_503")).isTrue();
        assertThat(Outcomes.isPlatformError("timeout")).isTrue();
        assertThat(Outcomes.isPlatformError(Outcomes.OK)).isFalse();
        assertThat(Outcomes.isPlatformError(Outcomes.NOT_READY)).isFalse();
    }

    @Test
    @DisplayName("a request that failed for want of a descriptor in its runner is an error but not the platform's")
    void outOfDescriptorsIsTheGenerators() {
        // Given
        String failed = Outcomes.OUT_OF_DESCRIPTORS;

        // Then
        assertThat(Outcomes.isError(failed)).isTrue();
        assertThat(Outcomes.isPlatformError(failed)).isFalse();
        assertThat(Outcomes.isPlatformError("connection")).isTrue();
    }

    @Test
    @DisplayName("a request the runner's own HTTP/2 client refused was never sent: no error of any kind")
    void refusedStreamWasNeverSent() {
        // Given
        String refused = Outcomes.RUNNER_STREAM_REFUSED;

        // Then
        assertThat(Outcomes.neverSent(refused)).isTrue();
        assertThat(Outcomes.isError(refused)).isFalse();
        assertThat(Outcomes.isPlatformError(refused)).isFalse();
        assertThat(Outcomes.neverSent("connection")).isFalse();
    }
}
