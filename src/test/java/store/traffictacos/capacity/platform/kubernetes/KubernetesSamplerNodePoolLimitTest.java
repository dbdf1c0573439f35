package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.NODE_POOLS_PATH;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.assertSeries;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.karpenterNode;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.node;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.nodePool;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.seriesNames;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.settings;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("KubernetesSampler on Karpenter NodePool limits")
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSamplerNodePoolLimitTest {
    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesClient samplingClient;
    private KubernetesSampler sampler;

    /** Pool app: two Ready nodes of 2 and 4 cores, one NotReady of 2: 8 cores launched, the largest node 4. */
    @BeforeEach
    void startSamplerOnNodes() {
        samplingClient = KubernetesFixtures.samplingClient(server);
        sampler = new KubernetesSampler(settings(List.of(), List.of()), samplingClient);
        client.resource(node("ip-1", karpenterNode("app", "m6i.large", "spot"), "2", true))
                .create();
        client.resource(node("ip-2", karpenterNode("app", "m6i.xlarge", "on-demand"), "4", true))
                .create();
        client.resource(node("ip-3", karpenterNode("app", "m6i.large", "spot"), "2", false))
                .create();
    }

    @AfterEach
    void closeSampler() {
        sampler.close();
        samplingClient.close();
    }

    private void givenNodePool(GenericKubernetesResource nodePool) {
        client.genericKubernetesResources(KarpenterNodePools.NODE_POOLS)
                .resource(nodePool)
                .create();
    }

    @Test
    @DisplayName("a pool whose limit leaves no room for another node of its largest size is at_limit 1")
    void atLimit() {
        // Given 8 of 10 cores: another 4-core node would exceed the limit
        givenNodePool(nodePool("app", "10"));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, "nodepool/app/cpu_limit_pct", 80, "%");
        assertSeries(samples, "nodepool/app/at_limit", 1, "flag");
    }

    @Test
    @DisplayName("a pool with room for another node of its largest size is at_limit 0")
    void belowLimit() {
        // Given 8 of 16 cores, the limit written as a YAML number
        givenNodePool(nodePool("app", 16));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, "nodepool/app/cpu_limit_pct", 50, "%");
        assertSeries(samples, "nodepool/app/at_limit", 0, "flag");
    }

    @Test
    @DisplayName("a NodePool with a limit but no nodes yet is reported with zero nodes and cores")
    void emptyPool() {
        // Given
        givenNodePool(nodePool("batch", "64000m"));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, "nodepool/batch/nodes", 0, "nodes");
        assertSeries(samples, "nodepool/batch/cpu_cores", 0, "cores");
        assertSeries(samples, "nodepool/batch/cpu_limit_pct", 0, "%");
        assertSeries(samples, "nodepool/batch/at_limit", 0, "flag");
    }

    @Test
    @DisplayName("a NodePool without spec.limits.cpu gives no limit series")
    void noLimit() {
        // Given
        givenNodePool(nodePool("app", null));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(seriesNames(samples))
                .contains("nodepool/app/cpu_cores")
                .doesNotContain("nodepool/app/cpu_limit_pct", "nodepool/app/at_limit");
    }

    @Test
    @DisplayName("without Karpenter (its API answers 404) there are no limit series and no reason")
    void withoutKarpenter() {
        // Given
        server.expect()
                .get()
                .withPath(NODE_POOLS_PATH)
                .andReturn(404, status(404, "NotFound", "the server could not find the requested resource"))
                .always();

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertSeries(samples, "nodepool/app/cpu_cores", 8, "cores");
        assertThat(seriesNames(samples))
                .noneMatch(series -> series.endsWith("/cpu_limit_pct") || series.endsWith("/at_limit"));
        assertThat(sampler.unavailableReason()).isEmpty();
    }

    @Test
    @DisplayName("a NodePool limit that is no quantity is a reason; the pool's other series are still sampled")
    void malformedLimit() {
        // Given
        givenNodePool(nodePool("app", "lots"));

        // When
        List<PlatformSample> samples = sampler.sample(1_000L);

        // Then
        assertThat(sampler.unavailableReason()).hasValue("kubernetes: nodepool app has an unreadable cpu limit: lots");
        assertSeries(samples, "nodepool/app/cpu_cores", 8, "cores");
        assertThat(seriesNames(samples)).doesNotContain("nodepool/app/cpu_limit_pct", "nodepool/app/at_limit");
    }
}
