package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.APP_NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.HPA;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MAX;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MIN;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunStatus;
import store.traffictacos.capacity.controller.RunStatusFile;
import store.traffictacos.capacity.controller.Stage;
import store.traffictacos.capacity.controller.setup.RunAssembly;

/**
 * A Kubernetes run whose runners never get a node: the scheduler leaves both pods Pending, and the
 * barrier times out after 3 s. The played cluster is the one of {@link KubernetesRunEndToEndIT}.
 */
@EnableKubernetesMockClient(crud = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A Kubernetes run whose runners cannot be scheduled")
class KubernetesRunBarrierTimeoutIT {
    private static final String RUN_ID = "e2e-unschedulable";
    private static final String SCHEDULER_MESSAGE = "0/3 nodes are available: 3 node(s) didn't match Pod's node "
            + "affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private KubernetesRunCluster cluster;
    private RunSpec spec;
    private RunStatus status;
    private int exitCode;
    private String console;

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        // Given an HPA of 2 to 4 replicas, and a cluster with no node for the runners
        cluster = new KubernetesRunCluster(server, client).standUp();
        spec = KubernetesRunCluster.spec(dir, RUN_ID, cluster.kubeconfig(dir));
        PlayedRun played = new PlayedRun(server, client, NAMESPACE, RUN_ID);
        CompletableFuture<Void> playing = PlayedRun.play(() -> {
            played.readyWhenScaled(APP_NAMESPACE, HPA);
            played.createPods(played.awaitJob());
            played.unschedulable(SCHEDULER_MESSAGE);
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
    @DisplayName("ends FAILED in the barrier, after collect, restore and clean-up")
    void failsInBarrier() {
        assertThat(status.transitions())
                .as(console)
                .extracting(RunStatus.Transition::stage)
                .containsExactly(
                        Stage.PENDING,
                        Stage.VALIDATE,
                        Stage.SCALE,
                        Stage.LAUNCH,
                        Stage.BARRIER,
                        Stage.COLLECT,
                        Stage.RESTORE,
                        Stage.CLEAN_UP,
                        Stage.FAILED);
        assertThat(status.failure().stage()).isEqualTo(Stage.BARRIER);
    }

    @Test
    @DisplayName("the reason names each pending runner with the scheduler's message, and is saved in status.json")
    void reasonNamesPendingRunners() {
        String pending = "(Unschedulable: " + SCHEDULER_MESSAGE + ")";

        assertThat(status.failure().reason())
                .isEqualTo("barrier: 0 of 2 runners ready after 3s; pending: runner 0 " + pending + ", runner 1 "
                        + pending);
        assertThat(RunStatusFile.read(spec.runDir()).failure()).isEqualTo(status.failure());
        assertThat(console).contains("FAILED in barrier: barrier: 0 of 2 runners ready after 3s");
    }

    @Test
    @DisplayName("exits 1")
    void exitCodeOne() {
        assertThat(exitCode).isEqualTo(1);
    }

    @Test
    @DisplayName("the HPA has its original floor and ceiling back, and no trace of the run")
    void hpaRestored() {
        HorizontalPodAutoscaler hpa = cluster.hpa();

        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(ORIGINAL_MIN);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(ORIGINAL_MAX);
        assertThat(hpa.getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    @DisplayName("leaves nothing of the run: no Job, ConfigMap or pod")
    void nothingLeft() {
        assertThat(cluster.labelledWith(RUN_ID)).isEmpty();
        assertThat(cluster.runObjects()).isEmpty();
    }
}
