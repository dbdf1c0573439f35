package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.APP_NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.HPA;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MAX;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MIN;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.TARGET;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunStatus;
import store.traffictacos.capacity.controller.Stage;
import store.traffictacos.capacity.controller.setup.KubernetesBackend;
import store.traffictacos.capacity.controller.setup.RunAssembly;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.ReportFiles;

/**
 * One run through every stage on the Kubernetes backend as {@code tacos-capacity run} assembles it
 * (a kubeconfig, {@link KubernetesBackend}), against fabric8's CRUD mock API server where the test
 * plays the Deployment controller, the Job controller and the kubelet. The run takes about 6 s.
 */
@EnableKubernetesMockClient(crud = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A Kubernetes run of 2 runners that goes well")
class KubernetesRunEndToEndIT {
    private static final String RUN_ID = "e2e-ok";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private KubernetesRunCluster cluster;
    private RunSpec spec;
    private RunStatus status;
    private int exitCode;
    private String console;
    private volatile HorizontalPodAutoscaler hpaWhileRunning;

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        // Given an HPA of 2 to 4 replicas, and a cluster that runs the runners it is given to completion
        cluster = new KubernetesRunCluster(server, client).standUp();
        spec = KubernetesRunCluster.spec(dir, RUN_ID, cluster.kubeconfig(dir));
        PlayedRun played = new PlayedRun(server, client, NAMESPACE, RUN_ID);
        CompletableFuture<Void> playing = PlayedRun.play(() -> {
            played.readyWhenScaled(APP_NAMESPACE, HPA);
            Job job = played.awaitJob();
            played.createPods(job);
            played.running();
            hpaWhileRunning = cluster.hpa();
            Instant startAt = played.awaitStartAt();
            played.awaitEnd(startAt, spec.profile());
            played.succeeded(spec.profile(), startAt, TARGET, dir.resolve("runner-disks"));
        });

        // When
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Wired as `tacos-capacity run` wires it: what the runners print goes to the controller.
        try (RunAssembly run = RunAssembly.open(
                spec, new PrintStream(bytes, true, StandardCharsets.UTF_8), System::currentTimeMillis)) {
            status = run.controller().execute();
            exitCode = run.controller().exitCode();
        }
        console = bytes.toString(StandardCharsets.UTF_8);
        PlayedRun.awaitPlayed(playing, console);
    }

    @Test
    @DisplayName("goes through every stage in order, scale and restore included, and ends DONE")
    void stagesInOrder() {
        assertThat(status.transitions())
                .as(console)
                .extracting(RunStatus.Transition::stage)
                .containsExactly(
                        Stage.PENDING,
                        Stage.VALIDATE,
                        Stage.SCALE,
                        Stage.LAUNCH,
                        Stage.BARRIER,
                        Stage.START,
                        Stage.MONITOR,
                        Stage.COLLECT,
                        Stage.RESTORE,
                        Stage.REPORT,
                        Stage.CLEAN_UP,
                        Stage.DONE);
        assertThat(status.failure()).isNull();
    }

    @Test
    @DisplayName("exits 0: the report of the runners' results passed")
    void exitCodeZero() {
        assertThat(exitCode).as(console).isZero();
    }

    @Test
    @DisplayName("the HPA holds the spec's floor and ceiling while the runners run")
    void hpaScaledWhileRunning() {
        assertThat(hpaWhileRunning.getSpec().getMinReplicas()).isEqualTo(5);
        assertThat(hpaWhileRunning.getSpec().getMaxReplicas()).isEqualTo(10);
    }

    @Test
    @DisplayName("the HPA has its original floor and ceiling back afterwards, and no trace of the run")
    void hpaRestored() {
        HorizontalPodAutoscaler hpa = cluster.hpa();

        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(ORIGINAL_MIN);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(ORIGINAL_MAX);
        assertThat(keys(hpa.getMetadata().getAnnotations())).noneMatch(key -> key.startsWith(RunRecord.PREFIX));
        assertThat(keys(hpa.getMetadata().getLabels()))
                .noneMatch(key -> key.startsWith(RunRecord.PREFIX))
                .contains("app");
    }

    @Test
    @DisplayName("writes report.json into <reports>/<runId>/ with both runners' results complete")
    void reportOfBothRunners() throws Exception {
        Path report = spec.runDir().resolve(ReportFiles.JSON_FILE);

        assertThat(spec.runDir()).isEqualTo(spec.reportsDir().resolve(RUN_ID));
        assertThat(report).isRegularFile();
        assertThat(ReportJson.read(report).runnerResults())
                .extracting(CapacityReport.RunnerResult::index, CapacityReport.RunnerResult::status)
                .containsExactly(
                        tuple(0, CapacityReport.RunnerResult.COMPLETE), tuple(1, CapacityReport.RunnerResult.COMPLETE));
    }

    @Test
    @DisplayName("the report counts every request the two runners printed")
    void reportCountsEveryRequest() throws Exception {
        CapacityReport report = ReportJson.read(spec.runDir().resolve(ReportFiles.JSON_FILE));

        assertThat(report.endpoints())
                .extracting(CapacityReport.EndpointReport::requests)
                .containsExactly(600L);
    }

    @Test
    @DisplayName("leaves nothing labelled with the run: no Job, ConfigMap or pod, no scaled object")
    void nothingLeft() {
        assertThat(cluster.labelledWith(RUN_ID)).isEmpty();
        assertThat(cluster.runObjects()).isEmpty();
    }

    private static Set<String> keys(Map<String, String> map) {
        return map == null ? Set.of() : map.keySet();
    }
}
