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
import java.io.IOException;
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
@DisplayName("KubernetesRunnerFleet.collect")
class FleetCollectTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path temp;

    private Path runDir;
    private KubernetesRunnerFleet fleet;
    private FakeKubelet kubelet;

    @BeforeEach
    void launchTwoRunners() {
        runDir = temp.resolve("run");
        fleet = new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
        kubelet = new FakeKubelet(server, client, NAMESPACE, RUN_ID);
        fleet.launch(launch(2));
    }

    @AfterEach
    void removeCapturedLogs() throws InterruptedException {
        fleet.cleanUp();
    }

    @Test
    @DisplayName("each runner's results are extracted byte for byte into runner-<index>/")
    void collectsEveryRunner() throws IOException {
        // Given two runners that finished and printed their results
        for (int index = 0; index < 2; index++) {
            kubelet.succeeded(index);
            kubelet.log(index, logWithResults(resultsDir(temp, index), index));
        }

        // When
        List<CollectedRunner> collected = fleet.collect(runDir);

        // Then
        assertThat(collected)
                .extracting(CollectedRunner::outcome)
                .containsExactly(Outcome.COLLECTED, Outcome.COLLECTED);
        for (int index = 0; index < 2; index++) {
            Path printed = temp.resolve("printed-by-runner-" + index);
            Path runner = runDir.resolve("runner-" + index);
            assertThat(collected.get(index).resultsDir()).isEqualTo(runner);
            for (String file : List.of("manifest.json", "results.hlog", "gatling/simulation.log")) {
                assertThat(runner.resolve(file)).hasSameBinaryContentAs(printed.resolve(file));
            }
        }
    }

    @Test
    @DisplayName("a failed runner's partial results are kept and marked partial")
    void failedRunnerPartialResults() throws IOException {
        // Given runner 1 failed after printing what it had
        kubelet.succeeded(0);
        kubelet.log(0, logWithResults(resultsDir(temp, 0), 0));
        kubelet.failed(1, "Error", 1);
        kubelet.log(1, logWithResults(resultsDir(temp, 1), 1) + "Exception in thread \"main\" Target unreachable\n");

        // When
        CollectedRunner failed = fleet.collect(runDir).get(1);

        // Then
        assertThat(failed.outcome()).isEqualTo(Outcome.COLLECTED);
        assertThat(failed.partial()).isTrue();
        assertThat(failed.state().reason()).isEqualTo("Error (exit code 1)");
        assertThat(runDir.resolve("runner-1/manifest.json")).exists();
    }

    @Test
    @DisplayName("a runner that died before printing is reported missing, with how it died")
    void noBlockIsMissing() throws IOException {
        // Given runner 1 was killed for memory before it could print
        kubelet.succeeded(0);
        kubelet.log(0, logWithResults(resultsDir(temp, 0), 0));
        kubelet.failed(1, "OOMKilled", 137);
        kubelet.log(1, "Simulation TicketingSimulation started...\n");

        // When
        CollectedRunner killed = fleet.collect(runDir).get(1);

        // Then
        assertThat(killed.outcome()).isEqualTo(Outcome.MISSING);
        assertThat(killed.reason()).isEqualTo("no results block in its log; it failed: OOMKilled (exit code 137)");
        assertThat(killed.resultsDir()).isNull();
        assertThat(runDir.resolve("runner-1")).doesNotExist();
    }

    @Test
    @DisplayName("a block that fails its checksum is reported corrupt, and nothing is written")
    void corruptBlock() throws IOException {
        // Given runner 1's block with one base64 character changed
        kubelet.succeeded(0);
        kubelet.log(0, logWithResults(resultsDir(temp, 0), 0));
        kubelet.succeeded(1);
        String[] lines = logWithResults(resultsDir(temp, 1), 1).split("\n");
        lines[3] = (lines[3].charAt(0) == 'A' ? "B" : "A") + lines[3].substring(1);
        kubelet.log(1, String.join("\n", lines) + "\n");

        // When
        CollectedRunner corrupt = fleet.collect(runDir).get(1);

        // Then
        assertThat(corrupt.outcome()).isEqualTo(Outcome.CORRUPT);
        assertThat(corrupt.reason()).isEqualTo("results block checksum mismatch");
        assertThat(runDir.resolve("runner-1")).doesNotExist();
    }

    @Test
    @DisplayName("a runner that never got a pod still has its entry, with the reason")
    void runnerWithoutPod() throws IOException {
        // Given only runner 0 ever had a pod
        kubelet.succeeded(0);
        kubelet.log(0, logWithResults(resultsDir(temp, 0), 0));

        // When
        List<CollectedRunner> collected = fleet.collect(runDir);

        // Then
        assertThat(collected).hasSize(2);
        assertThat(collected.get(1).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(collected.get(1).reason()).isEqualTo("no pod and no captured log");
    }
}
