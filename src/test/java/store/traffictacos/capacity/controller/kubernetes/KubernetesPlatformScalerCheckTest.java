package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.DEPLOYMENT_API;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.HPA_API;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.NAMESPACE;

import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import store.traffictacos.capacity.controller.scale.ScaleTarget;

@DisplayName("KubernetesPlatformScaler.check")
class KubernetesPlatformScalerCheckTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster();

    private final KubernetesPlatformScaler scaler = new KubernetesPlatformScaler(cluster.client());

    @Test
    @DisplayName("passes for targets that exist and may be patched, and changes nothing")
    void passesAndChangesNothing() {
        // Given an HPA and a Deployment no HPA scales
        String hpaVersion = cluster.hpa("ticket-api", 2, 20).getMetadata().getResourceVersion();
        String deploymentVersion =
                cluster.deployment("inventory-api", 1).getMetadata().getResourceVersion();

        // When
        scaler.check(List.of(
                ScaleTarget.hpa(NAMESPACE, "ticket-api", 10), ScaleTarget.deployment(NAMESPACE, "inventory-api", 3)));

        // Then both are as they were
        assertThat(cluster.readHpa("ticket-api").getMetadata().getResourceVersion())
                .isEqualTo(hpaVersion);
        assertThat(cluster.readHpa("ticket-api").getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(cluster.readDeployment("inventory-api").getMetadata().getResourceVersion())
                .isEqualTo(deploymentVersion);
        assertThat(cluster.readDeployment("inventory-api").getSpec().getReplicas())
                .isEqualTo(1);
    }

    @Test
    @DisplayName(
            "a missing Deployment is 'deployment <ns>/<name> not found', and the targets that exist are left alone")
    void missingDeployment() {
        // Given an HPA, but no inventory-api Deployment
        String hpaVersion = cluster.hpa("ticket-api", 2, 20).getMetadata().getResourceVersion();

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(
                        ScaleTarget.hpa(NAMESPACE, "ticket-api", 10),
                        ScaleTarget.deployment(NAMESPACE, "inventory-api", 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment tacos-app/inventory-api not found");
        assertThat(cluster.readHpa("ticket-api").getMetadata().getResourceVersion())
                .isEqualTo(hpaVersion);
    }

    @Test
    @DisplayName("a missing HPA is 'hpa <ns>/<name> not found'")
    void missingHpa() {
        // Given the Deployment, but no HPA
        cluster.deployment("ticket-api", 2);

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api not found");
    }

    @Test
    @DisplayName(
            "an HPA RBAC does not let us patch is 'forbidden: cannot patch horizontalpodautoscalers in <ns> (RBAC)'")
    void patchForbidden() {
        // Given an HPA whose (dry-run) patch the API server refuses with 403
        cluster.hpa("ticket-api", 2, 20);
        cluster.server()
                .expect()
                .patch()
                .withPath(HPA_API + "ticket-api?dryRun=All")
                .andReturn(HttpURLConnection.HTTP_FORBIDDEN, TestCluster.forbidden())
                .once();

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forbidden: cannot patch horizontalpodautoscalers in tacos-app (RBAC)");
        assertThat(cluster.readHpa("ticket-api").getSpec().getMinReplicas()).isEqualTo(2);
    }

    @Test
    @DisplayName("a Deployment RBAC does not let us read is 'forbidden: cannot get deployments in <ns> (RBAC)'")
    void getForbidden() {
        // Given a Deployment whose GET the API server refuses with 403
        cluster.deployment("inventory-api", 1);
        cluster.server()
                .expect()
                .get()
                .withPath(DEPLOYMENT_API + "inventory-api")
                .andReturn(HttpURLConnection.HTTP_FORBIDDEN, TestCluster.forbidden())
                .once();

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.deployment(NAMESPACE, "inventory-api", 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forbidden: cannot get deployments in tacos-app (RBAC)");
    }

    @Test
    @DisplayName("a Deployment an HPA scales is refused, naming the HPA to scale instead")
    void deploymentOwnedByHpa() {
        // Given the ticket-api HPA, which scales the ticket-api Deployment
        cluster.hpa("ticket-api", 2, 20);

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.deployment(NAMESPACE, "ticket-api", 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment tacos-app/ticket-api is scaled by hpa tacos-app/ticket-api: "
                        + "scale that hpa instead (minReplicas)");
    }

    @Test
    @DisplayName("an HPA floor above the HPA's own ceiling, with no new ceiling, is refused")
    void floorAboveCeiling() {
        // Given an HPA with at most 20 replicas
        cluster.hpa("ticket-api", 2, 20);

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 30))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "hpa tacos-app/ticket-api: minReplicas 30 is above its maxReplicas 20; give maxReplicas too");
        assertThatCode(() -> scaler.check(List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 30, 40))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an object still carrying another run's originals is refused, naming that run")
    void unrestoredRun() {
        // Given an HPA left scaled by run ci-1200, never restored
        cluster.annotate(
                cluster.hpa("ticket-api", 10, 20),
                Map.of(RunRecord.RUN_ID, "ci-1200", ReplicaField.MIN_REPLICAS.annotation(), "2"));

        // When / Then
        assertThatThrownBy(() -> scaler.check(List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api still carries the originals of run ci-1200, never restored: "
                        + "run restore --run-id ci-1200 first");
    }
}
