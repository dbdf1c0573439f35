package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.assertSeries;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.container;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.deployment;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.hpa;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.karpenterNode;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.node;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.pod;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.restartedAfter;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.running;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.seriesNames;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.settings;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.terminated;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("KubernetesSampler on a cluster's objects")
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSamplerCrudTest {
    private static final long NOW = 1_700_000_000_000L;

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesClient samplingClient;
    private KubernetesSampler sampler;

    @BeforeEach
    void startSampler() {
        samplingClient = KubernetesFixtures.samplingClient(server);
        sampler = new KubernetesSampler(
                settings(List.of("gateway-api", "reservation-api"), List.of("gateway-api", "reservation-api")),
                samplingClient);
    }

    @AfterEach
    void closeSampler() {
        sampler.close();
        samplingClient.close();
    }

    @Test
    @DisplayName("an HPA gives its current, desired, min and max replicas, and at_max_replicas 0 below max")
    void hpaReplicas() {
        // Given
        client.resource(hpa("gateway-api", 2, 10, 3, 4)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "hpa/tacos-app/gateway-api/current_replicas", 3, "replicas");
        assertSeries(samples, "hpa/tacos-app/gateway-api/desired_replicas", 4, "replicas");
        assertSeries(samples, "hpa/tacos-app/gateway-api/min_replicas", 2, "replicas");
        assertSeries(samples, "hpa/tacos-app/gateway-api/max_replicas", 10, "replicas");
        assertSeries(samples, "hpa/tacos-app/gateway-api/at_max_replicas", 0, "flag");
    }

    @Test
    @DisplayName("an HPA whose current replicas reached max has at_max_replicas 1")
    void hpaAtMax() {
        // Given
        client.resource(hpa("reservation-api", null, 5, 5, 7)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "hpa/tacos-app/reservation-api/at_max_replicas", 1, "flag");
        assertSeries(samples, "hpa/tacos-app/reservation-api/min_replicas", 1, "replicas");
    }

    @Test
    @DisplayName(
            "HPA current metrics: utilization in %, averageValue in cores (cpu) or bytes (memory), others as values")
    void hpaMetrics() {
        // Given a cpu utilization (with its average value too), a memory average value and a pods metric
        MetricStatus cpu = new MetricStatusBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewCurrent()
                .withAverageUtilization(75)
                .withAverageValue(new Quantity("375m"))
                .endCurrent()
                .endResource()
                .build();
        MetricStatus memory = new MetricStatusBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("memory")
                .withNewCurrent()
                .withAverageValue(new Quantity("256Mi"))
                .endCurrent()
                .endResource()
                .build();
        MetricStatus requests = new MetricStatusBuilder()
                .withType("Pods")
                .withNewPods()
                .withNewMetric()
                .withName("http_requests_per_second")
                .endMetric()
                .withNewCurrent()
                .withAverageValue(new Quantity("120"))
                .endCurrent()
                .endPods()
                .build();
        MetricStatus cpuCores = new MetricStatusBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewCurrent()
                .withAverageValue(new Quantity("250m"))
                .endCurrent()
                .endResource()
                .build();
        client.resource(hpa("gateway-api", 2, 10, 3, 3, cpu, memory, requests)).create();
        client.resource(hpa("reservation-api", 2, 10, 2, 2, cpuCores)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "hpa/tacos-app/gateway-api/metric/cpu", 75, "%");
        assertSeries(samples, "hpa/tacos-app/gateway-api/metric/memory", 256 * 1024 * 1024, "bytes");
        assertSeries(samples, "hpa/tacos-app/gateway-api/metric/http_requests_per_second", 120, "value");
        assertSeries(samples, "hpa/tacos-app/reservation-api/metric/cpu", 0.25, "cores");
    }

    @Test
    @DisplayName("an HPA that does not exist is skipped without a reason, and other HPAs are not taken")
    void missingHpaSkipped() {
        // Given only gateway-api's deployment and HPA, and an HPA that is not a target
        client.resource(deployment("gateway-api", 1, 1, 1)).create();
        client.resource(deployment("reservation-api", 1, 1, 1)).create();
        client.resource(hpa("gateway-api", 1, 3, 1, 1)).create();
        client.resource(hpa("someone-else", 1, 3, 1, 1)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertThat(seriesNames(samples))
                .contains("hpa/tacos-app/gateway-api/current_replicas")
                .noneMatch(series -> series.startsWith("hpa/tacos-app/reservation-api/"))
                .noneMatch(series -> series.startsWith("hpa/tacos-app/someone-else/"));
        assertThat(sampler.unavailableReason()).isEmpty();
    }

    @Test
    @DisplayName("a Deployment gives its spec replicas, ready and available replicas")
    void deploymentReplicas() {
        // Given
        client.resource(deployment("gateway-api", 3, 2, 1)).create();
        client.resource(deployment("reservation-api", 2, 2, 2)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "deployment/tacos-app/gateway-api/replicas", 3, "replicas");
        assertSeries(samples, "deployment/tacos-app/gateway-api/ready_replicas", 2, "replicas");
        assertSeries(samples, "deployment/tacos-app/gateway-api/available_replicas", 1, "replicas");
        assertSeries(samples, "deployment/tacos-app/reservation-api/replicas", 2, "replicas");
    }

    @Test
    @DisplayName("a Deployment that does not exist is named in the reason; the one that exists is still sampled")
    void missingDeploymentReported() {
        // Given
        client.resource(deployment("gateway-api", 3, 3, 3)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "deployment/tacos-app/gateway-api/replicas", 3, "replicas");
        assertThat(seriesNames(samples)).noneMatch(series -> series.contains("/reservation-api/"));
        assertThat(sampler.unavailableReason()).hasValue("kubernetes: deployment tacos-app/reservation-api not found");
    }

    @Test
    @DisplayName("a Deployment's pods (by its selector) give running, pending, restarts and OOMKilled containers")
    void podStatus() {
        // Given gateway-api with two running pods (one container OOMKilled before, one restarting after an OOM kill
        // now) and a pending one; a pod of another app, which must not count
        client.resource(deployment("gateway-api", 3, 2, 2)).create();
        client.resource(deployment("reservation-api", 1, 1, 1)).create();
        client.resource(pod(
                        "gateway-api-1",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "500m", "512Mi"), container("proxy", "100m", "64Mi")),
                        restartedAfter("app", 2, "OOMKilled"),
                        running("proxy", 1)))
                .create();
        client.resource(pod(
                        "gateway-api-2",
                        "gateway-api",
                        "Running",
                        List.of(container("app", "500m", "512Mi")),
                        terminated("app", 4, "OOMKilled")))
                .create();
        client.resource(pod("gateway-api-3", "gateway-api", "Pending", List.of(container("app", "500m", "512Mi"))))
                .create();
        client.resource(pod(
                        "reservation-api-1",
                        "reservation-api",
                        "Running",
                        List.of(container("app", "1", "1Gi")),
                        restartedAfter("app", 9, "OOMKilled")))
                .create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "workload/tacos-app/gateway-api/running_pods", 2, "pods");
        assertSeries(samples, "workload/tacos-app/gateway-api/pending_pods", 1, "pods");
        assertSeries(samples, "workload/tacos-app/gateway-api/restarts", 7, "restarts");
        assertSeries(samples, "workload/tacos-app/gateway-api/oomkilled", 2, "containers");
        assertSeries(samples, "workload/tacos-app/reservation-api/restarts", 9, "restarts");
    }

    @Test
    @DisplayName("nodes group by Karpenter pool, else workload-type, else none: Ready nodes, cpu cores, and per shape")
    void nodePools() {
        // Given three nodes of pool app (one not Ready), a system node by workload-type and an unlabelled one
        client.resource(node("ip-1", karpenterNode("app", "m6i.large", "spot"), "2", true))
                .create();
        client.resource(node("ip-2", karpenterNode("app", "m6i.xlarge", "on-demand"), "4", true))
                .create();
        client.resource(node("ip-3", karpenterNode("app", "m6i.large", "spot"), "2", false))
                .create();
        client.resource(node(
                        "ip-4",
                        Map.of("workload-type", "system", "node.kubernetes.io/instance-type", "t3.medium"),
                        "2",
                        true))
                .create();
        client.resource(node("ip-5", Map.of(), "1500m", true)).create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertSeries(samples, "nodepool/app/nodes", 2, "nodes");
        assertSeries(samples, "nodepool/app/cpu_cores", 8, "cores");
        assertSeries(samples, "nodepool/app/m6i.large/spot/nodes", 1, "nodes");
        assertSeries(samples, "nodepool/app/m6i.xlarge/on-demand/nodes", 1, "nodes");
        assertSeries(samples, "nodepool/system/nodes", 1, "nodes");
        assertSeries(samples, "nodepool/system/cpu_cores", 2, "cores");
        assertSeries(samples, "nodepool/system/t3.medium/unknown/nodes", 1, "nodes");
        assertSeries(samples, "nodepool/none/cpu_cores", 1.5, "cores");
        assertSeries(samples, "nodepool/none/unknown/unknown/nodes", 1, "nodes");
    }

    @Test
    @DisplayName("every sample is from source kubernetes and stamped with the time asked for")
    void stamped() {
        // Given
        client.resource(deployment("gateway-api", 1, 1, 1)).create();
        client.resource(hpa("gateway-api", 1, 3, 1, 1)).create();
        client.resource(node("ip-1", karpenterNode("app", "m6i.large", "spot"), "2", true))
                .create();

        // When
        List<PlatformSample> samples = sampler.sample(NOW);

        // Then
        assertThat(samples)
                .isNotEmpty()
                .allMatch(sample -> sample.epochMs() == NOW && sample.source().equals("kubernetes"));
        assertThat(sampler.source()).isEqualTo("kubernetes");
    }
}
