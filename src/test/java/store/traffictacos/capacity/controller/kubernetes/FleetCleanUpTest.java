package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.cleanUp")
class FleetCleanUpTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRunnerFleet fleet;

    @BeforeEach
    void launchAndRun() {
        fleet = new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
        fleet.launch(launch(3));
        FakeKubelet kubelet = new FakeKubelet(server, client, NAMESPACE, RUN_ID);
        kubelet.succeeded(0);
        kubelet.failed(1, "Error", 1);
        kubelet.running(2);
        fleet.states();
    }

    @Test
    @DisplayName("leaves no Job, ConfigMap or pod labelled with the run id")
    void nothingLeft() throws Exception {
        // When
        fleet.cleanUp();

        // Then
        String runId = RunnerJobs.RUN_ID_LABEL;
        assertThat(client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(NAMESPACE)
                        .withLabel(runId, RUN_ID)
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.configMaps()
                        .inNamespace(NAMESPACE)
                        .withLabel(runId, RUN_ID)
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.pods()
                        .inNamespace(NAMESPACE)
                        .withLabel(runId, RUN_ID)
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    @DisplayName("leaves other runs alone")
    void otherRunsKept() throws Exception {
        // Given a runner pod of another run
        new FakeKubelet(server, client, NAMESPACE, "other-run").running(0);

        // When
        fleet.cleanUp();

        // Then
        assertThat(client.pods()
                        .inNamespace(NAMESPACE)
                        .withLabel(RunnerJobs.RUN_ID_LABEL, "other-run")
                        .list()
                        .getItems())
                .hasSize(1);
    }
}
