package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;
import static store.traffictacos.capacity.controller.kubernetes.TestResults.logWithResults;
import static store.traffictacos.capacity.controller.kubernetes.TestResults.resultsDir;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.fleet.CollectedRunner.Outcome;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.stop")
class FleetStopTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path temp;

    private KubernetesRunnerFleet fleet;
    private FakeKubelet kubelet;

    @BeforeEach
    void launchTwoRunningRunners() throws Exception {
        fleet = new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
        kubelet = new FakeKubelet(server, client, NAMESPACE, RUN_ID);
        fleet.launch(launch(2));
        kubelet.running(0);
        kubelet.running(1);
    }

    @AfterEach
    void removeCapturedLogs() throws InterruptedException {
        fleet.cleanUp();
    }

    @Test
    @DisplayName("suspends the Job, so no stopped runner is replaced, and deletes the running runners' pods")
    void suspendsAndDeletes() throws Exception {
        // When
        fleet.stop();

        // Then
        assertThat(client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(NAMESPACE)
                        .withName("tacos-run-" + RUN_ID)
                        .get()
                        .getSpec()
                        .getSuspend())
                .isTrue();
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("the partial results the runners print while stopping are collected after their pods are gone")
    void collectsAfterPodsAreGone() throws Exception {
        // Given runners whose logs can only be followed: once deleted, their pods' logs are gone
        for (int index = 0; index < 2; index++) {
            kubelet.followedLog(index, logWithResults(resultsDir(temp, index), index));
        }
        fleet.awaitReady(Duration.ofSeconds(5));

        // When
        fleet.stop();
        List<CollectedRunner> collected = fleet.collect(temp.resolve("run"));

        // Then
        assertThat(collected)
                .extracting(CollectedRunner::outcome)
                .containsExactly(Outcome.COLLECTED, Outcome.COLLECTED);
        assertThat(collected).allMatch(CollectedRunner::partial);
        assertThat(temp.resolve("run/runner-1/results.hlog"))
                .hasSameBinaryContentAs(temp.resolve("printed-by-runner-1/results.hlog"));
    }

    @Test
    @DisplayName("a runner killed while printing its results is reported corrupt, not dropped")
    void killedWhilePrinting() throws Exception {
        // Given runner 1 is killed at the end of its grace period, halfway through its block
        kubelet.followedLog(0, logWithResults(resultsDir(temp, 0), 0));
        String cut = logWithResults(resultsDir(temp, 1), 1);
        kubelet.followedLog(1, cut.substring(0, cut.length() / 2));
        fleet.awaitReady(Duration.ofSeconds(5));

        // When
        fleet.stop();
        List<CollectedRunner> collected = fleet.collect(temp.resolve("run"));

        // Then
        assertThat(collected).extracting(CollectedRunner::outcome).containsExactly(Outcome.COLLECTED, Outcome.CORRUPT);
        assertThat(collected.get(1).reason()).startsWith("results block cut off after about");
    }
}
