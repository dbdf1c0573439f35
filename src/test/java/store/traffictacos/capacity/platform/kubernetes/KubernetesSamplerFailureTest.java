package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.PODS_PATH;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.POD_METRICS_PATH;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.assertSeries;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.container;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.deployment;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.hpa;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.karpenterNode;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.node;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.pod;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.running;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.seriesNames;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.settings;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.status;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("KubernetesSampler when part of the cluster cannot be read")
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSamplerFailureTest {
    private static final String FORBIDDEN_PODS = "kubernetes: forbidden to list pods in tacos-app (403)";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesClient samplingClient;
    private KubernetesSampler sampler;

    /** A cluster where everything can be read: gateway-api with its HPA, one pod, one node. */
    @BeforeEach
    void startSamplerOnCluster() {
        samplingClient = KubernetesFixtures.samplingClient(server);
        sampler = new KubernetesSampler(settings(List.of("gateway-api"), List.of("gateway-api")), samplingClient);
        client.resource(deployment("gateway-api", 1, 1, 1)).create();
        client.resource(hpa("gateway-api", 1, 4, 1, 1)).create();
        client.resource(pod(
                        "gateway-api-1",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "500m", "512Mi")),
                        running("app", 0)))
                .create();
        client.resource(node("ip-1", karpenterNode("app", "m6i.large", "spot"), "2", true))
                .create();
    }

    @AfterEach
    void closeSampler() {
        sampler.close();
        samplingClient.close();
    }

    private void givenAnswer(String path, int code, String reason) {
        server.expect()
                .get()
                .withPath(path)
                .andReturn(code, status(code, reason, "refused by the test"))
                .always();
    }

    @Test
    @DisplayName("pods forbidden (403): the reason says so, and Deployments, HPAs and nodes are still sampled")
    void podsForbidden() {
        // Given
        givenAnswer(PODS_PATH, 403, "Forbidden");

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason()).hasValue(FORBIDDEN_PODS);
        assertSeries(samples, "deployment/tacos-app/gateway-api/replicas", 1, "replicas");
        assertSeries(samples, "hpa/tacos-app/gateway-api/current_replicas", 1, "replicas");
        assertSeries(samples, "nodepool/app/nodes", 1, "nodes");
        assertThat(seriesNames(samples)).noneMatch(series -> series.startsWith("workload/"));
    }

    @Test
    @DisplayName("no metrics-server (metrics.k8s.io 404): the stated reason, and every other series still there")
    void metricsApiMissing() {
        // Given
        givenAnswer(POD_METRICS_PATH, 404, "NotFound");

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason())
                .hasValue("kubernetes: metrics.k8s.io unavailable (no metrics-server?): 404");
        assertSeries(samples, "workload/tacos-app/gateway-api/running_pods", 1, "pods");
        assertSeries(samples, "hpa/tacos-app/gateway-api/current_replicas", 1, "replicas");
        assertThat(seriesNames(samples)).doesNotContain("workload/tacos-app/gateway-api/cpu_millicores");
    }

    @Test
    @DisplayName(
            "metrics.k8s.io registered but not answering (503) is the same reason, at once rather than after retries")
    void metricsApiUnavailable() {
        // Given
        givenAnswer(POD_METRICS_PATH, 503, "ServiceUnavailable");

        // When the client's default retries would take over a minute
        List<PlatformSample> samples = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sampler.sample(1_000L));

        // Then
        assertThat(sampler.unavailableReason())
                .hasValue("kubernetes: metrics.k8s.io unavailable (no metrics-server?): 503");
        assertSeries(samples, "workload/tacos-app/gateway-api/running_pods", 1, "pods");
    }

    @Test
    @DisplayName("several problems are joined with '; ' in the order sampled")
    void problemsJoined() {
        // Given
        givenAnswer("/apis/autoscaling/v2/namespaces/tacos-app/horizontalpodautoscalers", 403, "Forbidden");
        givenAnswer("/api/v1/nodes", 403, "Forbidden");

        // When
        sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason())
                .hasValue("kubernetes: forbidden to list horizontalpodautoscalers in tacos-app (403); "
                        + "kubernetes: forbidden to list nodes (403)");
    }

    @Test
    @DisplayName("a refusal other than 403 gives its status code and reason")
    void otherRefusal() {
        // Given
        givenAnswer("/apis/apps/v1/namespaces/tacos-app/deployments", 401, "Unauthorized");

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason())
                .hasValue("kubernetes: cannot list deployments in tacos-app (401 Unauthorized)");
        assertSeries(samples, "nodepool/app/nodes", 1, "nodes");
    }

    @Test
    @DisplayName("the reason is empty again once everything can be read")
    void reasonClears() {
        // Given pods forbidden for one request only
        server.expect()
                .get()
                .withPath(PODS_PATH)
                .andReturn(403, status(403, "Forbidden", "not yet"))
                .once();
        sampler.sample(1_000L);
        assertThat(sampler.unavailableReason()).hasValue(FORBIDDEN_PODS);

        // When
        List<PlatformSample> samples = sampler.sample(2_000L);

        // Then
        assertThat(sampler.unavailableReason()).isEmpty();
        assertSeries(samples, "workload/tacos-app/gateway-api/running_pods", 1, "pods");
    }

    @Test
    @DisplayName("an object the sampler cannot make sense of is a reason for its part; the other parts are sampled")
    void unexpectedContent() {
        // Given a node whose cpu capacity is no quantity
        client.resource(node("ip-2", karpenterNode("app", "m6i.large", "spot"), "two", true))
                .create();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("kubernetes: cannot sample nodes: ")
                        .doesNotContain("\n"));
        assertSeries(samples, "deployment/tacos-app/gateway-api/replicas", 1, "replicas");
        assertThat(seriesNames(samples)).noneMatch(series -> series.startsWith("nodepool/"));
    }

    @Test
    @DisplayName("a closed sampler samples nothing and says so")
    void closed() {
        // Given
        sampler.close();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(samples).isEmpty();
        assertThat(sampler.unavailableReason()).hasValue("kubernetes: sampler closed");
    }
}
