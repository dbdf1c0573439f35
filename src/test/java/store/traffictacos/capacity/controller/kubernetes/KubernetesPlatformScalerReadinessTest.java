package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.NAMESPACE;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.controller.scale.ScaleTimeoutException;

@DisplayName("KubernetesPlatformScaler.awaitReady")
class KubernetesPlatformScalerReadinessTest {
    private static final Duration POLL = Duration.ofMillis(20);

    @RegisterExtension
    static final TestCluster cluster = new TestCluster();

    private final KubernetesPlatformScaler scaler = new KubernetesPlatformScaler(cluster.client(), POLL);

    @Test
    @DisplayName("a scaled Deployment is awaited until its ready replicas reach the wanted replicas")
    void deploymentBecomesReady() {
        // Given a Deployment scaled to 3, of which 1 is ready
        cluster.deployment("inventory-api", 3);
        cluster.readyReplicas("inventory-api", 1);
        List<ScaleTarget> targets = List.of(ScaleTarget.deployment(NAMESPACE, "inventory-api", 3));

        // When the wait starts
        CompletableFuture<Void> wait =
                CompletableFuture.runAsync(() -> scaler.awaitReady(targets, Duration.ofSeconds(10)));

        // Then it keeps waiting while 2 of 3 are ready, and ends once all 3 are
        cluster.readyReplicas("inventory-api", 2);
        stillWaitingAfterSomePolls(wait);
        cluster.readyReplicas("inventory-api", 3);
        await().atMost(Duration.ofSeconds(5)).until(wait::isDone);
        assertThat(wait).isCompleted();
    }

    @Test
    @DisplayName("an HPA is ready once the Deployment it scales has its new floor ready")
    void hpaBecomesReady() {
        // Given an HPA raised to a floor of 5, its Deployment with 2 ready
        cluster.hpa("ticket-api", 2, 20);
        cluster.readyReplicas("ticket-api", 2);
        List<ScaleTarget> targets = List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 5));

        // When the wait starts
        CompletableFuture<Void> wait =
                CompletableFuture.runAsync(() -> scaler.awaitReady(targets, Duration.ofSeconds(10)));

        // Then it keeps waiting with 2 ready, and ends once the Deployment has 5 ready
        stillWaitingAfterSomePolls(wait);
        cluster.readyReplicas("ticket-api", 5);
        await().atMost(Duration.ofSeconds(5)).until(wait::isDone);
        assertThat(wait).isCompleted();
    }

    @Test
    @DisplayName("times out naming what is not ready, with its ready and wanted counts")
    void timesOut() {
        // Given an HPA raised to a floor of 5 with 1 ready, and a Deployment of 3 with none ready
        cluster.hpa("ticket-api", 2, 20);
        cluster.readyReplicas("ticket-api", 1);
        cluster.deployment("inventory-api", 3);
        List<ScaleTarget> targets = List.of(
                ScaleTarget.hpa(NAMESPACE, "ticket-api", 5), ScaleTarget.deployment(NAMESPACE, "inventory-api", 3));

        // When / Then
        assertThatThrownBy(() -> scaler.awaitReady(targets, Duration.ofMillis(300)))
                .isInstanceOf(ScaleTimeoutException.class)
                .hasMessage(
                        "not ready within 300 ms: deployment tacos-app/ticket-api (scaled by hpa tacos-app/ticket-api)"
                                + " 1/5 ready, deployment tacos-app/inventory-api 0/3 ready");
    }

    private static void stillWaitingAfterSomePolls(CompletableFuture<Void> wait) {
        await().during(POLL.multipliedBy(10)).atMost(Duration.ofSeconds(5)).until(() -> !wait.isDone());
    }
}
