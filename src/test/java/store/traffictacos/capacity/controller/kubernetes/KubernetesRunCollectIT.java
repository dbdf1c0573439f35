package store.traffictacos.capacity.controller.kubernetes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.TARGET;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.setup.KubernetesBackend;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.results.ResultsFiles;

/**
 * A controller that launched its runners, started them and died once they had finished, before its
 * collect stage: the runners' pods are left Succeeded with their logs. Then {@code tacos-capacity
 * collect --run-id} from a fresh process, which knows the run id and the namespace only.
 */
@EnableKubernetesMockClient(crud = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("tacos-capacity collect --run-id after the run's controller died")
class KubernetesRunCollectIT {
    private static final String RUN_ID = "e2e-orphaned";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private Path kubeconfig;
    private Path runnerDisks;
    private Path reports;
    private KubernetesRunCli.Result result;

    @BeforeAll
    void collectOrphanedRun(@TempDir Path dir) throws Exception {
        // Given a controller that launched 2 runners, gave them their start and died once they had finished
        KubernetesRunCluster cluster = new KubernetesRunCluster(server, client).standUp();
        kubeconfig = cluster.kubeconfig(dir);
        RunSpec spec = KubernetesRunCluster.spec(dir, RUN_ID, kubeconfig);
        runnerDisks = dir.resolve("runner-disks");
        reports = dir.resolve("collected");
        PlayedRun played = new PlayedRun(server, client, NAMESPACE, RUN_ID);
        CountDownLatch runnersUp = new CountDownLatch(1);
        CompletableFuture<Void> playing = PlayedRun.play(() -> {
            played.createPods(played.awaitJob());
            played.running();
            runnersUp.countDown();
            Instant startAt = played.awaitStartAt();
            played.awaitEnd(startAt, spec.profile());
            played.succeeded(spec.profile(), startAt, TARGET, runnerDisks);
        });
        try (KubernetesClient controllerClient = KubernetesBackend.client(kubeconfig, null)) {
            KubernetesRunnerFleet fleet = new KubernetesRunnerFleet(controllerClient, NAMESPACE);
            fleet.launch(RunnerLaunch.of(
                    spec.runner().withTarget(URI.create(TARGET)),
                    spec.kubernetes().image(),
                    Duration.ofMinutes(15)));
            assertThat(runnersUp.await(20, SECONDS)).as("runners up").isTrue();
            fleet.start(Instant.now().plusSeconds(1));
            playing.get(20, SECONDS);
        }

        // When
        result = KubernetesRunCli.execute(
                "collect",
                "--run-id",
                RUN_ID,
                "--namespace",
                NAMESPACE,
                "--kubeconfig",
                kubeconfig.toString(),
                "--reports",
                reports.toString());
    }

    @Test
    @DisplayName("says each runner was collected and exits 0: the report passed")
    void exitsZero() {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out().lines()).startsWith("runner 0: collected", "runner 1: collected");
    }

    @Test
    @DisplayName("writes each runner's results, as the runner printed them, into <reports>/<runId>/runner-<index>/")
    void runnerFolders() {
        for (int index = 0; index < 2; index++) {
            Path printed = runnerDisks.resolve("printed-by-runner-" + index);
            Path collected = reports.resolve(RUN_ID).resolve("runner-" + index);
            for (String file : List.of(ResultsFiles.MANIFEST_FILE, ResultsFiles.LOG_FILE)) {
                assertThat(collected.resolve(file)).hasSameBinaryContentAs(printed.resolve(file));
            }
        }
    }

    @Test
    @DisplayName("writes the run's report.json with both runners complete")
    void report() throws Exception {
        CapacityReport report = ReportJson.read(reports.resolve(RUN_ID).resolve(ReportFiles.JSON_FILE));

        assertThat(report.runId()).isEqualTo(RUN_ID);
        assertThat(report.runnerResults())
                .extracting(CapacityReport.RunnerResult::index, CapacityReport.RunnerResult::status)
                .containsExactly(
                        tuple(0, CapacityReport.RunnerResult.COMPLETE), tuple(1, CapacityReport.RunnerResult.COMPLETE));
    }

    @Test
    @DisplayName("--slo judges the run by the SLO file: a p99 below 10 ms fails the 20 ms runners, exit 2")
    void judgedByTheSloFile(@TempDir Path dir) throws Exception {
        // Given an SLO file the collected runners (every answer in 20 ms) cannot meet
        Path slo =
                Files.writeString(dir.resolve("slo.yaml"), "slos: [{name: p99 latency, metric: p99_ms, below: 10}]\n");

        // When
        KubernetesRunCli.Result judged = collectInto(dir.resolve("judged"), "--slo", slo.toString());

        // Then
        assertThat(judged.exitCode()).as(judged.out() + judged.err()).isEqualTo(2);
        CapacityReport report =
                ReportJson.read(dir.resolve("judged").resolve(RUN_ID).resolve(ReportFiles.JSON_FILE));
        assertThat(report.slos()).isEqualTo(SloFile.parse(slo));
        assertThat(report.verdict()).isEqualTo(CapacityReport.Verdict.FAIL);
        assertThat(judged.out()).contains("FAIL: Capacity knee: ");
    }

    @Test
    @DisplayName("--baseline compares the run with the earlier report and says how")
    void comparedWithTheBaseline(@TempDir Path dir) throws Exception {
        // Given the report the first collect wrote, as the baseline
        Path baseline = reports.resolve(RUN_ID).resolve(ReportFiles.JSON_FILE);

        // When
        KubernetesRunCli.Result compared = collectInto(dir.resolve("compared"), "--baseline", baseline.toString());

        // Then the same results against their own report break no rule
        assertThat(compared.exitCode()).as(compared.out() + compared.err()).isZero();
        CapacityReport report =
                ReportJson.read(dir.resolve("compared").resolve(RUN_ID).resolve(ReportFiles.JSON_FILE));
        assertThat(report.comparison().baselineRunId()).isEqualTo(RUN_ID);
        assertThat(compared.out())
                .containsPattern("Compared with baseline " + RUN_ID + ": 0 of \\d+ regression checks broken");
    }

    /** {@code collect} of the run again, into another reports folder. */
    private KubernetesRunCli.Result collectInto(Path otherReports, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "collect",
                "--run-id",
                RUN_ID,
                "--namespace",
                NAMESPACE,
                "--kubeconfig",
                kubeconfig.toString(),
                "--reports",
                otherReports.toString()));
        args.addAll(List.of(options));
        return KubernetesRunCli.execute(args.toArray(String[]::new));
    }
}
