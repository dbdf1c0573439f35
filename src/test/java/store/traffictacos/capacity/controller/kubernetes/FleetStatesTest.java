package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.states")
class FleetStatesTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRunnerFleet fleet;
    private FakeKubelet kubelet;

    @BeforeEach
    void launchFourRunners() {
        fleet = new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
        kubelet = new FakeKubelet(server, client, NAMESPACE, RUN_ID);
        fleet.launch(launch(4));
    }

    @AfterEach
    void stopFollowingLogs() throws InterruptedException {
        // Log follows outlive a test: end them and their captures here, not by shutting the mock server under them.
        fleet.cleanUp();
    }

    @Test
    @DisplayName("one state per index: succeeded, failed with its container's reason and exit code, running, missing")
    void statePerIndex() {
        // Given
        kubelet.succeeded(0);
        kubelet.failed(1, "OOMKilled", 137);
        kubelet.running(2);

        // When
        var states = fleet.states();

        // Then
        assertThat(states)
                .containsExactly(
                        new RunnerState(0, Phase.SUCCEEDED, kubelet.podName(0), null),
                        new RunnerState(1, Phase.FAILED, kubelet.podName(1), "OOMKilled (exit code 137)"),
                        new RunnerState(2, Phase.RUNNING, kubelet.podName(2), null),
                        new RunnerState(3, Phase.MISSING, null, "no pod"));
    }

    @Test
    @DisplayName("a pending runner carries the scheduler's message")
    void pendingReason() {
        // Given
        kubelet.unschedulable(0, "0/5 nodes are available: 5 Insufficient cpu.");

        // When
        RunnerState state = fleet.states().get(0);

        // Then
        assertThat(state.phase()).isEqualTo(Phase.PENDING);
        assertThat(state.reason()).isEqualTo("Unschedulable: 0/5 nodes are available: 5 Insufficient cpu.");
    }

    @Test
    @DisplayName("pods of another run are not this run's runners")
    void otherRunIgnored() {
        // Given runner 0 of another run
        new FakeKubelet(server, client, NAMESPACE, "other-run").running(0);

        // When
        RunnerState state = fleet.states().get(0);

        // Then
        assertThat(state.phase()).isEqualTo(Phase.MISSING);
    }
}
