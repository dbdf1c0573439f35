package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Workload: what each arrival sends (-Djourney, -Djourney.status.token)")
class WorkloadTest {
    private static final String RUN_ID = "run-20261206-120000";

    @Test
    @DisplayName("by default every arrival sends the ticketing journey")
    void ticketingByDefault() {
        // When
        Workload workload = RunnerSettings.fromProperties(Map.of(), RUN_ID).workload();

        // Then
        assertThat(workload).isEqualTo(Workload.defaults());
        assertThat(workload.statusOnly()).isFalse();
    }

    @Test
    @DisplayName("status-only with its token survives toProperties and fromProperties, as a runner JVM is told it")
    void statusOnlyRoundTrip() {
        // Given
        RunnerSettings settings = RunnerSettings.fromProperties(
                Map.of("journey", "status-only", "journey.status.token", "tok-1"), RUN_ID);

        // When
        RunnerSettings readBack = RunnerSettings.fromProperties(settings.toProperties(), RUN_ID);

        // Then
        assertThat(readBack.workload()).isEqualTo(new Workload(Workload.Journey.STATUS_ONLY, "tok-1"));
        assertThat(readBack.workload().statusOnly()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "journey=browse | -Djourney: must be 'ticketing' or 'status-only', got 'browse'",
                "journey.status.token=tok-1 | -Djourney.status.token: only with -Djourney=status-only",
                "journey=ticketing,journey.status.token=tok-1 | -Djourney.status.token: only with -Djourney=status-only",
                "journey=status-only,journey.status.token=' tok' | -Djourney.status.token: must be a token without "
                        + "spaces around it, got ' tok'"
            })
    @DisplayName("a bad value is one line naming the -D option")
    void badValues(String given, String message) {
        // Given
        Map<String, String> properties = new java.util.HashMap<>();
        for (String pair : given.split(",")) {
            String[] keyValue = pair.split("=", 2);
            properties.put(keyValue[0], keyValue[1].replace("'", ""));
        }

        // When, Then
        assertThatThrownBy(() -> RunnerSettings.fromProperties(properties, RUN_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("status-only against a given target needs a token: the runner creates no journey there")
    void givenTargetNeedsToken() {
        // Given
        Workload workload = new Workload(Workload.Journey.STATUS_ONLY, null);

        // When, Then
        assertThatThrownBy(() -> workload.requireToken(false))
                .hasMessage("-Djourney=status-only against a given target needs -Djourney.status.token=<a waiting "
                        + "token>: the runner creates no journey there");
        assertThatCode(() -> workload.requireToken(true))
                .as("the embedded target")
                .doesNotThrowAnyException();
        assertThatCode(() -> new Workload(Workload.Journey.STATUS_ONLY, "tok-1").requireToken(false))
                .doesNotThrowAnyException();
    }
}
