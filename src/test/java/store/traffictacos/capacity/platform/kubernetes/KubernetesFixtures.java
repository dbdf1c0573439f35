package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.platform.PlatformSample;

/** Cluster objects as the API server would hold them, and the assertions the sampler tests share. */
final class KubernetesFixtures {
    static final String NAMESPACE = "tacos-app";
    static final String POD_METRICS_PATH = "/apis/metrics.k8s.io/v1beta1/namespaces/tacos-app/pods";
    static final String PODS_PATH = "/api/v1/namespaces/tacos-app/pods";
    static final String NODE_POOLS_PATH = "/apis/karpenter.sh/v1/nodepools";

    private KubernetesFixtures() {}

    /**
     * A client as {@link KubernetesSampler#fromEnvironment} makes one (no retries, short timeout), to the mock
     * server; the mock's own client keeps the library's default retries.
     */
    static KubernetesClient samplingClient(KubernetesMockServer server) {
        Config config =
                new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).build();
        return KubernetesClients.forSampling(config, Duration.ofSeconds(2));
    }

    static KubernetesSamplerSettings settings(List<String> deployments, List<String> hpas) {
        return new KubernetesSamplerSettings(NAMESPACE, deployments, hpas, null);
    }

    /** A Deployment selecting {@code app=<name>}. */
    static Deployment deployment(String name, int replicas, int ready, int available) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReadyReplicas(ready)
                .withAvailableReplicas(available)
                .endStatus()
                .build();
    }

    static Pod pod(String name, String app, String phase, List<Container> containers, ContainerStatus... statuses) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .addToLabels("app", app)
                .addToLabels("pod-template-hash", "5d4f")
                .endMetadata()
                .withNewSpec()
                .withContainers(containers)
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }

    /** A container requesting {@code cpuRequest} (null: none) and limited to {@code memoryLimit} (null: none). */
    static Container container(String name, String cpuRequest, String memoryLimit) {
        ContainerBuilder container = new ContainerBuilder().withName(name).withImage("tacos/" + name);
        if (cpuRequest != null) {
            container
                    .editOrNewResources()
                    .addToRequests("cpu", new Quantity(cpuRequest))
                    .endResources();
        }
        if (memoryLimit != null) {
            container
                    .editOrNewResources()
                    .addToLimits("memory", new Quantity(memoryLimit))
                    .endResources();
        }
        return container.build();
    }

    static ContainerStatus running(String name, int restarts) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    static ContainerStatus restartedAfter(String name, int restarts, String lastReason) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withReason(lastReason)
                .withExitCode(137)
                .endTerminated()
                .endLastState()
                .build();
    }

    static ContainerStatus terminated(String name, int restarts, String reason) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withNewState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(137)
                .endTerminated()
                .endState()
                .build();
    }

    static Node node(String name, Map<String, String> labels, String cpu, boolean ready) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewStatus()
                .addToCapacity("cpu", new Quantity(cpu))
                .addToCapacity("memory", new Quantity("8Gi"))
                .addNewCondition()
                .withType("MemoryPressure")
                .withStatus("False")
                .endCondition()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .endStatus()
                .build();
    }

    /** Labels of a node Karpenter launched into {@code pool}. */
    static Map<String, String> karpenterNode(String pool, String instanceType, String capacityType) {
        return Map.of(
                "karpenter.sh/nodepool",
                pool,
                "node.kubernetes.io/instance-type",
                instanceType,
                "karpenter.sh/capacity-type",
                capacityType);
    }

    static HorizontalPodAutoscaler hpa(
            String name, Integer min, int max, int current, int desired, MetricStatus... currentMetrics) {
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(name)
                .endScaleTargetRef()
                .withMinReplicas(min)
                .withMaxReplicas(max)
                .endSpec()
                .withNewStatus()
                .withCurrentReplicas(current)
                .withDesiredReplicas(desired)
                .withCurrentMetrics(currentMetrics)
                .endStatus()
                .build();
    }

    static PodMetrics podMetrics(String pod, ContainerMetrics... containers) {
        return new PodMetricsBuilder()
                .withNewMetadata()
                .withName(pod)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withTimestamp("2026-01-01T00:00:00Z")
                .withWindow(new io.fabric8.kubernetes.api.model.Duration(Duration.ofSeconds(15)))
                .withContainers(containers)
                .build();
    }

    static ContainerMetrics usage(String container, String cpu, String memory) {
        return new ContainerMetricsBuilder()
                .withName(container)
                .addToUsage("cpu", new Quantity(cpu))
                .addToUsage("memory", new Quantity(memory))
                .build();
    }

    /** A Karpenter NodePool; {@code cpuLimit} null for one without limits. */
    static GenericKubernetesResource nodePool(String name, Object cpuLimit) {
        GenericKubernetesResource nodePool = new GenericKubernetesResourceBuilder()
                .withApiVersion("karpenter.sh/v1")
                .withKind("NodePool")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
        Map<String, Object> template = Map.of(
                "spec",
                Map.of(
                        "nodeClassRef",
                        Map.of("group", "karpenter.k8s.aws", "kind", "EC2NodeClass", "name", "default")));
        nodePool.setAdditionalProperty(
                "spec",
                cpuLimit == null
                        ? Map.of("template", template)
                        : Map.of("template", template, "limits", Map.of("cpu", cpuLimit)));
        return nodePool;
    }

    /** The body the API server sends with an error. */
    static Status status(int code, String reason, String message) {
        return new StatusBuilder()
                .withStatus("Failure")
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .build();
    }

    /** Exactly one sample of {@code series}, of {@code value} in {@code unit}. */
    static void assertSeries(List<PlatformSample> samples, String series, double value, String unit) {
        List<PlatformSample> matching = samples.stream()
                .filter(sample -> sample.series().equals(series))
                .toList();
        assertThat(matching).as("samples of %s", series).hasSize(1);
        assertThat(matching.get(0).value()).as("value of %s", series).isCloseTo(value, within(1e-9));
        assertThat(matching.get(0).unit()).as("unit of %s", series).isEqualTo(unit);
    }

    static List<String> seriesNames(List<PlatformSample> samples) {
        return samples.stream().map(PlatformSample::series).toList();
    }
}
