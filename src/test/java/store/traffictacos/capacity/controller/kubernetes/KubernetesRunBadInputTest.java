package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MAX;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MIN;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tacos-capacity run --spec FILE} on the Kubernetes backend with input that cannot work: one
 * line telling why, exit code 1, and nothing created in the cluster nor changed on the platform.
 * What the cluster finds wrong is found by the validate stage, whose failure the run's console says
 * (stdout), leaving no run folder behind; a kubeconfig that cannot be read stops the command before any run.
 */
@EnableKubernetesMockClient(crud = true)
@DisplayName("tacos-capacity run on Kubernetes, given input that cannot work")
class KubernetesRunBadInputTest {
    private static final String RUN_ID = "e2e-bad-input";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    @DisplayName("a kubeconfig that does not exist is one error line naming the file, before any run")
    void noKubeconfig() throws Exception {
        // Given
        KubernetesRunCluster cluster = new KubernetesRunCluster(server, client).standUp();
        Path spec = KubernetesRunCluster.specFile(dir, RUN_ID, cluster.kubeconfig(dir));

        // When
        KubernetesRunCli.Result result =
                KubernetesRunCli.execute("run", "--spec", spec.toString(), "--kubeconfig", "/no/such/file");

        // Then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: cannot read kubeconfig /no/such/file: No such file" + System.lineSeparator());
        assertThat(dir.resolve("reports").resolve(RUN_ID)).doesNotExist();
        assertNothingCreatedOrChanged(cluster);
    }

    @Test
    @DisplayName("RBAC not allowing to create Jobs fails validation with one line saying what is not allowed")
    void jobsForbidden() throws Exception {
        // Given a controller that may do all it needs but create Jobs
        KubernetesRunCluster cluster = new KubernetesRunCluster(server, client)
                .standUp(permission -> !(permission.getVerb().equals("create")
                        && permission.getResource().equals("jobs")));
        Path spec = KubernetesRunCluster.specFile(dir, RUN_ID, cluster.kubeconfig(dir));

        // When
        KubernetesRunCli.Result result = KubernetesRunCli.execute("run", "--spec", spec.toString());

        // Then
        assertThat(result.exitCode()).isEqualTo(1);
        assertFailedValidation(result, "kubernetes: not allowed in namespace tacos-loadtest: create jobs.batch");
        assertNothingCreatedOrChanged(cluster);
    }

    @Test
    @DisplayName("a scale target that does not exist fails validation with one line naming it")
    void scaleTargetMissing() throws Exception {
        // Given a spec scaling an HPA the app namespace does not have, beside one it has
        KubernetesRunCluster cluster = new KubernetesRunCluster(server, client).standUp();
        Path spec = KubernetesRunCluster.specFile(
                dir,
                RUN_ID,
                cluster.kubeconfig(dir),
                "scale: [{hpa: gateway-api, min: 5, max: 10}, {hpa: checkout-api, min: 5}]");

        // When
        KubernetesRunCli.Result result = KubernetesRunCli.execute("run", "--spec", spec.toString());

        // Then
        assertThat(result.exitCode()).isEqualTo(1);
        assertFailedValidation(result, "hpa tacos-app/checkout-api not found");
        assertNothingCreatedOrChanged(cluster);
    }

    @Test
    @DisplayName("more runners than the node pool's CPU limit holds fails validation naming the pool and its limit")
    void nodePoolTooSmall() throws Exception {
        // Given a node pool of at most 4 CPU, and 3 runners of 2 CPU each
        KubernetesRunCluster cluster = new KubernetesRunCluster(server, client).standUp();
        cluster.nodePool("loadtest", "4");
        Path spec = KubernetesRunCluster.specFile(
                dir,
                RUN_ID,
                cluster.kubeconfig(dir),
                "runners: 3",
                "kubernetes.runnerCpu: \"2\"",
                "kubernetes.nodePool: loadtest");

        // When
        KubernetesRunCli.Result result = KubernetesRunCli.execute("run", "--spec", spec.toString());

        // Then
        assertThat(result.exitCode()).isEqualTo(1);
        assertFailedValidation(
                result,
                "node pool loadtest can hold at most 4 CPU (its limit), but 3 runners × 2 CPU "
                        + "need 6: use fewer runners (a higher --runner-rps) or raise the pool's limit");
        assertNothingCreatedOrChanged(cluster);
    }

    /** The run failed in validate with {@code reason}: one error line, on the console, and no run folder left. */
    private void assertFailedValidation(KubernetesRunCli.Result result, String reason) {
        assertThat(result.err())
                .isEqualTo("error: run " + RUN_ID + " failed in validate: " + reason + System.lineSeparator());
        assertThat(result.out().lines()).contains("tacos-capacity [" + RUN_ID + "] FAILED in validate: " + reason);
        assertThat(dir.resolve("reports").resolve(RUN_ID)).doesNotExist();
    }

    private static void assertNothingCreatedOrChanged(KubernetesRunCluster cluster) {
        assertThat(cluster.runObjects()).isEmpty();
        assertThat(cluster.labelledWith(RUN_ID)).isEmpty();
        HorizontalPodAutoscaler hpa = cluster.hpa();
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(ORIGINAL_MIN);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(ORIGINAL_MAX);
        assertThat(hpa.getMetadata().getAnnotations()).isNullOrEmpty();
    }
}
