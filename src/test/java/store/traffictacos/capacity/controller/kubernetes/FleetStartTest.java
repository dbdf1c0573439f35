package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.runner.StartSignal;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.start")
class FleetStartTest {

    KubernetesClient client;

    @Test
    @DisplayName("publishes startAt in the run's ConfigMap, next to the runner properties")
    void writesStartAt() {
        // Given
        KubernetesRunnerFleet fleet = new KubernetesRunnerFleet(client, NAMESPACE);
        fleet.launch(launch(2));

        // When
        fleet.start(Instant.ofEpochMilli(1_767_225_600_000L));

        // Then
        assertThat(client.configMaps()
                        .inNamespace(NAMESPACE)
                        .withName("tacos-run-" + RUN_ID)
                        .get()
                        .getData())
                .containsEntry("startAt", "1767225600000")
                .containsKey("runner.properties");
    }

    @Test
    @DisplayName("a runner waiting on its StartSignal sees the instant the controller publishes")
    void runnerSeesStart() throws Exception {
        // Given a runner already waiting, configured from its pod environment
        KubernetesRunnerFleet fleet = new KubernetesRunnerFleet(client, NAMESPACE);
        fleet.launch(launch(2));
        StartSignal signal =
                StartSignal.fromEnvironment(client, Map.of("TACOS_NAMESPACE", NAMESPACE, "RUN_ID", RUN_ID));
        CompletableFuture<Instant> seen = CompletableFuture.supplyAsync(() -> await(signal));

        // When
        Instant startAt = Instant.ofEpochMilli(1_767_225_600_000L);
        fleet.start(startAt);

        // Then
        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(startAt);
    }

    private static Instant await(StartSignal signal) {
        try {
            return signal.await(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
