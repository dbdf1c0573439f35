package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.fleet.Barrier;
import store.traffictacos.capacity.controller.fleet.BarrierException;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.awaitReady")
class FleetBarrierTest {

    private static final String NO_NODE =
            "0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector.";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRunnerFleet fleet;
    private FakeKubelet kubelet;

    @BeforeEach
    void launchThreeRunners() {
        fleet = new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
        kubelet = new FakeKubelet(server, client, NAMESPACE, RUN_ID);
        fleet.launch(launch(3));
    }

    @AfterEach
    void stopFollowingLogs() throws InterruptedException {
        // Log follows outlive a test: end them and their captures here, not by shutting the mock server under them.
        fleet.cleanUp();
    }

    @Test
    @DisplayName("passes once every runner is running, waiting through pending ones")
    void passesWhenAllRunning() throws Exception {
        // Given two runners running and the third still waiting for a node
        kubelet.running(0);
        kubelet.running(1);
        kubelet.unschedulable(2, NO_NODE);

        // When the barrier is waited for and the node arrives meanwhile
        CompletableFuture<Barrier> barrier = CompletableFuture.supplyAsync(() -> awaitReady(Duration.ofSeconds(5)));
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> !barrier.isDone());
        kubelet.running(2);

        // Then
        assertThat(barrier.get(5, TimeUnit.SECONDS).runners())
                .extracting(RunnerState::phase)
                .containsExactly(Phase.RUNNING, Phase.RUNNING, Phase.RUNNING);
    }

    @Test
    @DisplayName("times out naming the runners not ready, with the scheduler's message or the missing pod")
    void timesOutWithReason() {
        // Given one runner running, one unschedulable, one without a pod yet
        kubelet.running(0);
        kubelet.unschedulable(1, NO_NODE);

        // When / Then
        assertThatThrownBy(() -> fleet.awaitReady(Duration.ofMillis(300)))
                .isInstanceOf(BarrierException.class)
                .hasMessage("barrier: 1 of 3 runners ready after 0.3s; pending: runner 1 (Unschedulable: " + NO_NODE
                        + "), runner 2 (no pod)");
    }

    @Test
    @DisplayName("fails at once when a runner ends before the start")
    void runnerEndedBeforeStart() {
        // Given
        kubelet.running(0);
        kubelet.running(1);
        kubelet.failed(2, "Error", 1);

        // When / Then
        assertThatThrownBy(() -> fleet.awaitReady(Duration.ofMinutes(10)))
                .isInstanceOf(BarrierException.class)
                .hasMessage("barrier: runner 2 failed before the start: Error (exit code 1)");
    }

    @Test
    @DisplayName("fails at once when the Job itself failed, with Kubernetes' reason")
    void jobFailed() {
        // Given the Job hit its deadline while runner 0 still waited for a node
        kubelet.unschedulable(0, NO_NODE);
        client.batch()
                .v1()
                .jobs()
                .inNamespace(NAMESPACE)
                .withName("tacos-run-" + RUN_ID)
                .edit(job -> new JobBuilder(job)
                        .withNewStatus()
                        .addNewCondition()
                        .withType("Failed")
                        .withStatus("True")
                        .withReason("DeadlineExceeded")
                        .withMessage("Job was active longer than specified deadline")
                        .endCondition()
                        .endStatus()
                        .build());

        // When / Then
        assertThatThrownBy(() -> fleet.awaitReady(Duration.ofMinutes(10)))
                .isInstanceOf(BarrierException.class)
                .hasMessage("barrier: job tacos-run-" + RUN_ID
                        + " failed: DeadlineExceeded: Job was active longer than specified deadline");
    }

    private Barrier awaitReady(Duration timeout) {
        try {
            return fleet.awaitReady(timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
