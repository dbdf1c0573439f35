package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.POD_METRICS_PATH;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.assertSeries;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.container;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.deployment;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.pod;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.podMetrics;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.running;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.seriesNames;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.settings;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.usage;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

/**
 * The objects live in the mock's CRUD store; metrics.k8s.io, which a CRUD store cannot serve, is an
 * expectation on the same server (an expectation wins over the store for its path).
 */
@DisplayName("KubernetesSampler on metrics.k8s.io pod usage")
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSamplerPodMetricsTest {
    private static final String PREFIX = "workload/tacos-app/gateway-api/";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesClient samplingClient;
    private KubernetesSampler sampler;

    @BeforeEach
    void startSampler() {
        samplingClient = KubernetesFixtures.samplingClient(server);
        sampler = new KubernetesSampler(settings(List.of("gateway-api"), List.of()), samplingClient);
        client.resource(deployment("gateway-api", 3, 2, 2)).create();
    }

    @AfterEach
    void closeSampler() {
        sampler.close();
        samplingClient.close();
    }

    /**
     * gateway-api-1: one container, 500m requested, 512Mi limit; gateway-api-2: app 250m requested
     * and 256Mi limit plus a proxy sidecar with 250m requested and no limit; gateway-api-3 pending.
     */
    private void givenGatewayPods() {
        client.resource(pod(
                        "gateway-api-1",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "500m", "512Mi")),
                        running("app", 0)))
                .create();
        client.resource(pod(
                        "gateway-api-2",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "250m", "256Mi"), container("proxy", "250m", null)),
                        running("app", 0),
                        running("proxy", 0)))
                .create();
        client.resource(pod("gateway-api-3", "gateway-api", "Pending", List.of(container("app", "500m", "512Mi"))))
                .create();
    }

    private void givenPodMetrics(PodMetrics... pods) {
        server.expect()
                .get()
                .withPath(POD_METRICS_PATH)
                .andReturn(200, new PodMetricsListBuilder().withItems(pods).build())
                .always();
    }

    /**
     * gateway-api-1 uses 250m of its 500m and 128Mi of its 512Mi; gateway-api-2 uses 500m (400m in
     * nanocores, as metrics-server writes it, plus 100m) of its 500m; a pod of another app uses a lot.
     */
    private void givenGatewayUsage() {
        givenPodMetrics(
                podMetrics("gateway-api-1", usage("app", "250m", "128Mi")),
                podMetrics("gateway-api-2", usage("app", "400000000n", "100Mi"), usage("proxy", "100m", "28Mi")),
                podMetrics("inventory-api-1", usage("app", "8", "8Gi")));
    }

    @Test
    @DisplayName("cpu_millicores and memory_bytes sum the usage of the Deployment's pods only")
    void sums() {
        // Given
        givenGatewayPods();
        givenGatewayUsage();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, PREFIX + "cpu_millicores", 750, "millicores");
        assertSeries(samples, PREFIX + "memory_bytes", 256.0 * 1024 * 1024, "bytes");
        assertThat(sampler.unavailableReason()).isEmpty();
    }

    @Test
    @DisplayName(
            "cpu_pct_of_request is summed usage over summed requests of the pods with metrics; _max the hottest pod")
    void cpuOfRequest() {
        // Given
        givenGatewayPods();
        givenGatewayUsage();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then 750m used of 1000m requested by the two pods with metrics (the pending pod has none)
        assertSeries(samples, PREFIX + "cpu_pct_of_request", 75, "%");
        assertSeries(samples, PREFIX + "cpu_pct_of_request_max", 100, "%");
    }

    @Test
    @DisplayName("memory_pct_of_limit is the highest pod's usage over its limit, counting only pods fully limited")
    void memoryOfLimit() {
        // Given
        givenGatewayPods();
        givenGatewayUsage();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then gateway-api-1: 128Mi of 512Mi; gateway-api-2's sidecar has no limit, so the pod has none
        assertSeries(samples, PREFIX + "memory_pct_of_limit", 25, "%");
    }

    @Test
    @DisplayName("pods without a memory limit give no memory_pct_of_limit")
    void noLimitNoPercent() {
        // Given
        client.resource(pod(
                        "gateway-api-1",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "500m", null)),
                        running("app", 0)))
                .create();
        givenPodMetrics(podMetrics("gateway-api-1", usage("app", "250m", "128Mi")));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, PREFIX + "memory_bytes", 128 * 1024 * 1024, "bytes");
        assertThat(seriesNames(samples)).doesNotContain(PREFIX + "memory_pct_of_limit");
    }

    @Test
    @DisplayName("pods without a cpu request give no cpu_pct_of_request")
    void noRequestNoPercent() {
        // Given
        client.resource(pod(
                        "gateway-api-1",
                        "gateway-api",
                        "Running",
                        List.of(container("app", null, "512Mi")),
                        running("app", 0)))
                .create();
        givenPodMetrics(podMetrics("gateway-api-1", usage("app", "250m", "128Mi")));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, PREFIX + "cpu_millicores", 250, "millicores");
        assertThat(seriesNames(samples))
                .doesNotContain(PREFIX + "cpu_pct_of_request", PREFIX + "cpu_pct_of_request_max");
    }

    @Test
    @DisplayName("before metrics-server has scraped any of the pods there are no usage series, and no reason")
    void noMetricsYet() {
        // Given
        givenGatewayPods();
        givenPodMetrics();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(seriesNames(samples))
                .contains(PREFIX + "running_pods")
                .noneMatch(series -> series.startsWith(PREFIX + "cpu_") || series.startsWith(PREFIX + "memory_"));
        assertThat(sampler.unavailableReason()).isEmpty();
    }
}
