package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MAX;
import static store.traffictacos.capacity.controller.kubernetes.KubernetesRunCluster.ORIGINAL_MIN;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.setup.KubernetesBackend;

/**
 * A controller that pre-scaled the platform and died before its restore stage (its scaler, on its
 * own API client, is thrown away), then {@code tacos-capacity restore --run-id} from a fresh process
 * that knows nothing but the run id.
 */
@EnableKubernetesMockClient(crud = true)
@DisplayName("tacos-capacity restore --run-id after the run's controller died")
class KubernetesRunRestoreTest {
    private static final String RUN_ID = "e2e-crashed";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private KubernetesRunCluster cluster;
    private Path kubeconfig;

    @BeforeEach
    void scaleThenDie() throws Exception {
        cluster = new KubernetesRunCluster(server, client).standUp();
        kubeconfig = cluster.kubeconfig(dir);
        RunSpec spec = KubernetesRunCluster.spec(dir, RUN_ID, kubeconfig);
        try (KubernetesClient controllerClient = KubernetesBackend.client(kubeconfig, null)) {
            new KubernetesPlatformScaler(controllerClient).scale(RUN_ID, spec.scale());
        }
        assertThat(cluster.hpa().getSpec().getMinReplicas())
                .as("scaled by the dead controller")
                .isEqualTo(5);
    }

    @Test
    @DisplayName("puts the HPA's original floor and ceiling back, removes the run's record and exits 0")
    void restoresOriginals() {
        // Given the HPA scaled to 5..10 by the dead controller (scaleThenDie)

        // When
        KubernetesRunCli.Result result =
                KubernetesRunCli.execute("restore", "--run-id", RUN_ID, "--kubeconfig", kubeconfig.toString());

        // Then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines())
                .containsExactly("restored hpa tacos-app/gateway-api: minReplicas back to 2, maxReplicas back to 4");
        HorizontalPodAutoscaler hpa = cluster.hpa();
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(ORIGINAL_MIN);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(ORIGINAL_MAX);
        assertThat(hpa.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(cluster.labelledWith(RUN_ID)).isEmpty();
    }

    @Test
    @DisplayName("run again, finds nothing left to restore and exits 0")
    void idempotent() {
        // Given
        KubernetesRunCli.execute("restore", "--run-id", RUN_ID, "--kubeconfig", kubeconfig.toString());

        // When
        KubernetesRunCli.Result again =
                KubernetesRunCli.execute("restore", "--run-id", RUN_ID, "--kubeconfig", kubeconfig.toString());

        // Then
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out().lines()).containsExactly("run " + RUN_ID + ": nothing to restore");
        assertThat(cluster.hpa().getSpec().getMinReplicas()).isEqualTo(ORIGINAL_MIN);
    }
}
