package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.DEPLOYMENT_API;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.NAMESPACE;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.HttpURLConnection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import store.traffictacos.capacity.controller.scale.ScaleTarget;

@DisplayName("KubernetesPlatformScaler.restore")
class KubernetesPlatformScalerRestoreTest {
    private static final String RUN_ID = "ci-1234";

    @RegisterExtension
    static final TestCluster cluster = new TestCluster();

    private final KubernetesPlatformScaler scaler = new KubernetesPlatformScaler(cluster.client());

    @Test
    @DisplayName("puts back the exact originals, removes every trace of the run, and says what it did")
    void restoresOriginals() {
        // Given an HPA (2 to 20) and a Deployment (1) scaled by the run
        cluster.hpa("ticket-api", 2, 20);
        cluster.deployment("inventory-api", 1);
        scaler.scale(
                RUN_ID,
                List.of(
                        ScaleTarget.hpa(NAMESPACE, "ticket-api", 30, 60),
                        ScaleTarget.deployment(NAMESPACE, "inventory-api", 4)));

        // When
        List<String> restored = scaler.restore(RUN_ID);

        // Then
        assertThat(restored)
                .containsExactlyInAnyOrder(
                        "hpa tacos-app/ticket-api: minReplicas back to 2, maxReplicas back to 20",
                        "deployment tacos-app/inventory-api: replicas back to 1");
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
        assertNoTraceOfRuns(hpa);
        Deployment deployment = cluster.readDeployment("inventory-api");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertNoTraceOfRuns(deployment);
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app", "inventory-api");
    }

    @Test
    @DisplayName("a second restore of the same run restores nothing and does not fail")
    void secondRestoreIsNoOp() {
        // Given a run scaled and restored
        cluster.hpa("ticket-api", 2, 20);
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)));
        scaler.restore(RUN_ID);
        String version = cluster.readHpa("ticket-api").getMetadata().getResourceVersion();

        // When
        List<String> restored = scaler.restore(RUN_ID);

        // Then
        assertThat(restored).isEmpty();
        assertThat(cluster.readHpa("ticket-api").getMetadata().getResourceVersion())
                .isEqualTo(version);
    }

    @Test
    @DisplayName("a fresh process with a new client restores a killed controller's run from its run id alone")
    void restoresFromFreshProcess() {
        // Given a run scaled by a controller that was then killed
        cluster.hpa("ticket-api", 2, 20);
        cluster.deployment("inventory-api", 1);
        new KubernetesPlatformScaler(cluster.client())
                .scale(
                        RUN_ID,
                        List.of(
                                ScaleTarget.hpa(NAMESPACE, "ticket-api", 30, 60),
                                ScaleTarget.deployment(NAMESPACE, "inventory-api", 4)));

        // When `restore --run-id` runs with its own client
        try (KubernetesClient freshClient = cluster.server().createClient()) {
            List<String> restored = new KubernetesPlatformScaler(freshClient).restore(RUN_ID);

            // Then
            assertThat(restored).hasSize(2);
        }
        assertThat(cluster.readHpa("ticket-api").getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(cluster.readHpa("ticket-api").getSpec().getMaxReplicas()).isEqualTo(20);
        assertThat(cluster.readDeployment("inventory-api").getSpec().getReplicas())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("after a scale that failed on its second of three targets, restore puts back the first")
    void restoresAfterFailureMidway() {
        // Given three Deployments, the second of which the API server refuses to patch
        cluster.deployment("inventory-api", 1);
        cluster.deployment("payment-api", 1);
        cluster.deployment("queue-api", 1);
        cluster.server()
                .expect()
                .patch()
                .withPath(DEPLOYMENT_API + "payment-api")
                .andReturn(HttpURLConnection.HTTP_FORBIDDEN, TestCluster.forbidden())
                .once();
        assertThatThrownBy(() -> scaler.scale(
                        RUN_ID,
                        List.of(
                                ScaleTarget.deployment(NAMESPACE, "inventory-api", 4),
                                ScaleTarget.deployment(NAMESPACE, "payment-api", 4),
                                ScaleTarget.deployment(NAMESPACE, "queue-api", 4))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot scale deployment tacos-app/payment-api: "
                        + "forbidden: cannot patch deployments in tacos-app (RBAC)");

        // When
        List<String> restored = scaler.restore(RUN_ID);

        // Then the first is back, and the others were never changed
        assertThat(restored).containsExactly("deployment tacos-app/inventory-api: replicas back to 1");
        assertThat(cluster.readDeployment("inventory-api").getSpec().getReplicas())
                .isEqualTo(1);
        assertNoTraceOfRuns(cluster.readDeployment("inventory-api"));
        assertThat(cluster.readDeployment("payment-api").getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(cluster.readDeployment("queue-api").getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    @DisplayName("finds the run's objects in every namespace, and leaves other runs' objects alone")
    void onlyThisRunEverywhere() {
        // Given this run's Deployments in two namespaces, and another run's Deployment
        cluster.deployment("inventory-api", 1);
        cluster.deployment("tacos-edge", "gateway", 2);
        cluster.deployment("payment-api", 1);
        scaler.scale(
                RUN_ID,
                List.of(
                        ScaleTarget.deployment(NAMESPACE, "inventory-api", 4),
                        ScaleTarget.deployment("tacos-edge", "gateway", 6)));
        scaler.scale("ci-5678", List.of(ScaleTarget.deployment(NAMESPACE, "payment-api", 4)));

        // When
        List<String> restored = scaler.restore(RUN_ID);

        // Then
        assertThat(restored).hasSize(2);
        assertThat(cluster.readDeployment("tacos-edge", "gateway").getSpec().getReplicas())
                .isEqualTo(2);
        assertThat(cluster.readDeployment("payment-api").getSpec().getReplicas())
                .isEqualTo(4);
        assertThat(cluster.readDeployment("payment-api").getMetadata().getAnnotations())
                .containsEntry(RunRecord.RUN_ID, "ci-5678");
    }

    @Test
    @DisplayName("an object it cannot put back is named after the others are restored, and a later restore finishes")
    void failedObjectIsNamed() {
        // Given two Deployments scaled by the run, the first restore patch of one refused
        cluster.deployment("inventory-api", 1);
        cluster.deployment("payment-api", 1);
        scaler.scale(
                RUN_ID,
                List.of(
                        ScaleTarget.deployment(NAMESPACE, "inventory-api", 4),
                        ScaleTarget.deployment(NAMESPACE, "payment-api", 4)));
        cluster.server()
                .expect()
                .patch()
                .withPath(DEPLOYMENT_API + "payment-api")
                .andReturn(HttpURLConnection.HTTP_FORBIDDEN, TestCluster.forbidden())
                .once();

        // When / Then
        assertThatThrownBy(() -> scaler.restore(RUN_ID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run ci-1234: restored 1 of 2 objects; not restored: deployment tacos-app/payment-api: "
                        + "forbidden: cannot patch deployments in tacos-app (RBAC)");
        assertThat(cluster.readDeployment("inventory-api").getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(scaler.restore(RUN_ID)).containsExactly("deployment tacos-app/payment-api: replicas back to 1");
        assertThat(cluster.readDeployment("payment-api").getSpec().getReplicas())
                .isEqualTo(1);
    }

    private static void assertNoTraceOfRuns(HasMetadata object) {
        assertThat(object.getMetadata().getAnnotations())
                .doesNotContainKeys(
                        RunRecord.RUN_ID,
                        ReplicaField.MIN_REPLICAS.annotation(),
                        ReplicaField.MAX_REPLICAS.annotation(),
                        ReplicaField.REPLICAS.annotation());
        assertThat(object.getMetadata().getLabels()).doesNotContainKey(RunRecord.RUN_ID);
    }
}
