package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InFlightBudget: requests a runner may have outstanding")
class InFlightBudgetTest {
    private static final TransportLimits ROOMY = new TransportLimits(1_000_000, 28_232);

    private static RunnerSettings settings(Map<String, String> properties) {
        return RunnerSettings.fromProperties(properties, "budget-1");
    }

    @Test
    @DisplayName("by default it is the share's peak × the request timeout, with a 10 % margin")
    void littlesLaw() {
        // When
        InFlightBudget budget = InFlightBudget.of(settings(Map.of()), 2_000, ROOMY, 1);

        // Then
        assertThat(budget.limit()).isEqualTo(22_000);
        assertThat(budget.reasoning()).startsWith("in-flight bound 22,000: 2,000 req/s × 10 s request timeout + 10 %");
    }

    @Test
    @DisplayName("a shorter timeout needs fewer: 3,000 req/s × 2 s + 10 % = 6,600")
    void followsTheTimeout() {
        // When
        InFlightBudget budget = InFlightBudget.of(settings(Map.of("request.timeout", "2s")), 3_000, ROOMY, 1);

        // Then
        assertThat(budget.limit()).isEqualTo(6_600);
        assertThat(budget.reasoning()).startsWith("in-flight bound 6,600: 3,000 req/s × 2 s request timeout + 10 %");
    }

    @Test
    @DisplayName("over HTTP/1.1 the local ports to one address cap it, and the line says so")
    void cappedByPortsOverHttp1() {
        // When
        InFlightBudget budget = InFlightBudget.of(settings(Map.of()), 16_000, ROOMY, 1);

        // Then
        assertThat(budget.limit()).isEqualTo(28_232);
        assertThat(budget.reasoning())
                .contains("capped by the transport")
                .contains("28,232 local ports to one address")
                .contains("reported as the generator's");
    }

    @Test
    @DisplayName("with the target in the same JVM a connection costs two file descriptors")
    void embeddedTargetHoldsTheOtherEnd() {
        // Given
        TransportLimits descriptors = new TransportLimits(19_000, 28_232);

        // When
        InFlightBudget budget = InFlightBudget.of(settings(Map.of()), 3_000, descriptors, 2);

        // Then
        assertThat(budget.limit()).isEqualTo(9_500);
    }

    @Test
    @DisplayName("over HTTP/2 a connection carries 128 streams, so the same machine holds far more")
    void http2Streams() {
        // Given
        RunnerSettings http2 = settings(Map.of("http.version", "2", "target.url", "https://api.example"));

        // When
        InFlightBudget budget = InFlightBudget.of(http2, 16_000, new TransportLimits(19_000, 28_232), 1);

        // Then
        assertThat(budget.limit()).isEqualTo(176_000);
    }

    @Test
    @DisplayName("-Drunner.max.in.flight sets it outright")
    void given() {
        // When
        InFlightBudget budget = InFlightBudget.of(settings(Map.of("runner.max.in.flight", "900")), 3_000, ROOMY, 1);

        // Then
        assertThat(budget.limit()).isEqualTo(900);
        assertThat(budget.reasoning()).isEqualTo("in-flight bound 900, set by -Drunner.max.in.flight");
    }
}
