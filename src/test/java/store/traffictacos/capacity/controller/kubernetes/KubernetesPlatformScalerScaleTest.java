package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.HPA_API;
import static store.traffictacos.capacity.controller.kubernetes.TestCluster.NAMESPACE;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import store.traffictacos.capacity.controller.scale.ScaleTarget;

@DisplayName("KubernetesPlatformScaler.scale")
class KubernetesPlatformScalerScaleTest {
    private static final String RUN_ID = "ci-1234";
    private static final String MIN = ReplicaField.MIN_REPLICAS.annotation();
    private static final String MAX = ReplicaField.MAX_REPLICAS.annotation();

    @RegisterExtension
    static final TestCluster cluster = new TestCluster();

    private final KubernetesPlatformScaler scaler = new KubernetesPlatformScaler(cluster.client());

    @Test
    @DisplayName("an HPA gets its new floor and ceiling, with the run and the originals recorded on it")
    void scalesHpa() {
        // Given an HPA from 2 to 20
        cluster.hpa("ticket-api", 2, 20);

        // When
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 30, 60)));

        // Then
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(30);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(60);
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(RunRecord.RUN_ID, RUN_ID);
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(MIN, "2");
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(MAX, "20");
        assertThat(hpa.getMetadata().getLabels()).containsEntry(RunRecord.RUN_ID, RUN_ID);
    }

    @Test
    @DisplayName("an HPA given only a floor keeps its ceiling, and no original ceiling is recorded")
    void floorOnly() {
        // Given an HPA from 2 to 20
        cluster.hpa("ticket-api", 2, 20);

        // When
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)));

        // Then
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(20);
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(MIN, "2").doesNotContainKey(MAX);
    }

    @Test
    @DisplayName("a Deployment gets its new replicas, with the run and the original replicas recorded on it")
    void scalesDeployment() {
        // Given a Deployment of 1 replica
        cluster.deployment("inventory-api", 1);

        // When
        scaler.scale(RUN_ID, List.of(ScaleTarget.deployment(NAMESPACE, "inventory-api", 4)));

        // Then
        Deployment deployment = cluster.readDeployment("inventory-api");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(4);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(RunRecord.RUN_ID, RUN_ID);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(ReplicaField.REPLICAS.annotation(), "1");
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry(RunRecord.RUN_ID, RUN_ID)
                .containsEntry("app", "inventory-api");
    }

    @Test
    @DisplayName("scaling again in the same run keeps the originals recorded the first time")
    void sameRunAgain() {
        // Given an HPA from 2 to 20, already scaled to 10 by this run
        cluster.hpa("ticket-api", 2, 20);
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)));

        // When the run scales it again
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 15)));

        // Then the original is still the one from before the run
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(15);
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(MIN, "2");
    }

    @Test
    @DisplayName("an object carrying another run's originals is refused, naming that run, and left as it is")
    void anotherRunsOriginals() {
        // Given an HPA scaled to 10 by run ci-1200, which was never restored
        cluster.hpa("ticket-api", 2, 20);
        new KubernetesPlatformScaler(cluster.client())
                .scale("ci-1200", List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)));

        // When / Then
        assertThatThrownBy(() -> scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 30, 40))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("hpa tacos-app/ticket-api still carries the originals of run ci-1200, never restored: "
                        + "run restore --run-id ci-1200 first");
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(10);
        assertThat(hpa.getMetadata().getAnnotations())
                .containsEntry(RunRecord.RUN_ID, "ci-1200")
                .containsEntry(MIN, "2");
    }

    @Test
    @DisplayName("an object changed between read and patch (409 Conflict) is read again and scaled")
    void conflictIsRetried() {
        // Given an HPA whose first patch meets a concurrent change
        cluster.hpa("ticket-api", 2, 20);
        Status conflict = new StatusBuilder()
                .withStatus("Failure")
                .withReason("Conflict")
                .withCode(HttpURLConnection.HTTP_CONFLICT)
                .withMessage("the object has been modified")
                .build();
        cluster.server()
                .expect()
                .patch()
                .withPath(HPA_API + "ticket-api")
                .andReturn(HttpURLConnection.HTTP_CONFLICT, conflict)
                .once();

        // When
        scaler.scale(RUN_ID, List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)));

        // Then
        HorizontalPodAutoscaler hpa = cluster.readHpa("ticket-api");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(10);
        assertThat(hpa.getMetadata().getAnnotations()).containsEntry(MIN, "2");
    }

    @Test
    @DisplayName("a patch based on a stale read is refused by the server instead of recording stale originals")
    void staleReadIsRefused() {
        // Given an HPA read at one version, then changed by someone else
        HorizontalPodAutoscaler stale = cluster.hpa("ticket-api", 2, 20);
        cluster.annotate(stale, Map.of("team", "tickets"));

        // When a scale patch built from the stale read is sent / Then the server refuses it with 409
        assertThatThrownBy(() -> new ScaledObjects(cluster.client())
                        .patch(
                                stale,
                                ScalePatch.scale(
                                        stale,
                                        RUN_ID,
                                        ReplicaField.wanted(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10)))))
                .isInstanceOfSatisfying(
                        ApiCallException.class, e -> assertThat(e.isConflict()).isTrue());
        assertThat(cluster.readHpa("ticket-api").getSpec().getMinReplicas()).isEqualTo(2);
    }

    @Test
    @DisplayName("a run id that cannot be a label value is refused before anything changes")
    void invalidRunId() {
        // Given
        cluster.hpa("ticket-api", 2, 20);

        // When / Then
        assertThatThrownBy(() -> scaler.scale("ci 1234/retry", List.of(ScaleTarget.hpa(NAMESPACE, "ticket-api", 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run id 'ci 1234/retry' cannot be recorded on Kubernetes objects");
        assertThat(cluster.readHpa("ticket-api").getSpec().getMinReplicas()).isEqualTo(2);
    }
}
