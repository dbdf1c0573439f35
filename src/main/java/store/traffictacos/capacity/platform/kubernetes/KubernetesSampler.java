package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * Samples the application's Kubernetes side: its HPAs ({@link HpaSeries}), Deployments
 * ({@link DeploymentSeries}), their pods ({@link PodStatusSeries}) and the pods' usage from
 * {@code metrics.k8s.io} ({@link PodUsageSeries}), and the cluster's nodes by node pool with their
 * Karpenter limits ({@link NodePoolSeries}).
 *
 * <p>One list call per kind per sample (Deployments, HPAs, pods and pod metrics of the namespace,
 * nodes, NodePools), matched to the targets here. Never throws from {@link #sample}: a kind that
 * cannot be read is left out and named in {@link #unavailableReason()} (e.g.
 * {@code kubernetes: forbidden to list pods in tacos-app (403)}) while the others are still sampled.
 * An API server that does not answer ends the sample with one reason, since every further call would
 * wait for the same failure: a server that is down gives no samples.
 */
public final class KubernetesSampler implements PlatformSampler {
    public static final String SOURCE = "kubernetes";

    private final KubernetesSamplerSettings settings;
    private final KubernetesClient client;
    private final boolean ownsClient;
    private String unavailableReason;
    private boolean closed;

    /** Reads through {@code client}, which stays the caller's to close. */
    public KubernetesSampler(KubernetesSamplerSettings settings, KubernetesClient client) {
        this(settings, client, false);
    }

    private KubernetesSampler(KubernetesSamplerSettings settings, KubernetesClient client, boolean ownsClient) {
        this.settings = settings;
        this.client = client;
        this.ownsClient = ownsClient;
    }

    /**
     * A sampler with its own client, configured as kubectl would be (kubeconfig, else the pod's
     * service account), without retries and with the settings' timeout; {@link #close()} closes it.
     * Does not connect yet.
     */
    public static KubernetesSampler fromEnvironment(KubernetesSamplerSettings settings) {
        return new KubernetesSampler(settings, KubernetesClients.fromEnvironment(settings.timeout()), true);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public synchronized List<PlatformSample> sample(long epochMs) {
        if (closed) {
            unavailableReason = "kubernetes: sampler closed";
            return List.of();
        }
        Samples out = new Samples(epochMs);
        ListCalls calls = new ListCalls();
        try {
            guarded("workloads", calls, () -> sampleWorkloads(calls, out));
            guarded("HPAs", calls, () -> sampleHpas(calls, out));
            guarded("nodes", calls, () -> sampleNodePools(calls, out));
        } catch (ListCalls.ApiServerUnreachable e) {
            calls.problem("kubernetes: API server " + client.getMasterUrl() + " unreachable: "
                    + FailureReasons.reason(e.getCause()));
        }
        List<String> problems = calls.problems();
        unavailableReason = problems.isEmpty() ? null : String.join("; ", problems);
        return out.toList();
    }

    /** Runs one part; an unexpected failure in it (e.g. a malformed quantity) is noted and the next part still runs. */
    private static void guarded(String part, ListCalls calls, Runnable sampling) {
        try {
            sampling.run();
        } catch (ListCalls.ApiServerUnreachable e) {
            throw e;
        } catch (RuntimeException e) {
            calls.problem("kubernetes: cannot sample " + part + ": "
                    + e.toString().lines().findFirst().orElse(""));
        }
    }

    private void sampleWorkloads(ListCalls calls, Samples out) {
        if (settings.deployments().isEmpty()) {
            return;
        }
        String namespace = settings.namespace();
        Optional<Map<String, Deployment>> deployments = calls.list(
                "deployments",
                namespace,
                () -> byName(
                        client.apps()
                                .deployments()
                                .inNamespace(namespace)
                                .list()
                                .getItems(),
                        deployment -> deployment.getMetadata().getName()));
        if (deployments.isEmpty()) {
            return;
        }
        List<Deployment> targets = new ArrayList<>();
        for (String name : settings.deployments()) {
            Deployment deployment = deployments.get().get(name);
            if (deployment == null) {
                calls.problem("kubernetes: deployment " + namespace + "/" + name + " not found");
            } else {
                DeploymentSeries.add(deployment, out);
                targets.add(deployment);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Optional<List<Pod>> pods = calls.list(
                "pods",
                namespace,
                () -> client.pods().inNamespace(namespace).list().getItems());
        if (pods.isEmpty()) {
            return;
        }
        Optional<Map<String, PodMetrics>> metrics = calls.listMetrics(
                namespace,
                () -> byName(
                        client.top().pods().metrics(namespace).getItems(),
                        podMetrics -> podMetrics.getMetadata().getName()));
        for (Deployment deployment : targets) {
            String prefix =
                    "workload/" + namespace + "/" + deployment.getMetadata().getName() + "/";
            List<Pod> owned = PodSelection.selectedBy(deployment, pods.get());
            PodStatusSeries.add(prefix, owned, out);
            metrics.ifPresent(byPod -> PodUsageSeries.add(prefix, owned, byPod, out));
        }
    }

    private void sampleHpas(ListCalls calls, Samples out) {
        if (settings.hpas().isEmpty()) {
            return;
        }
        String namespace = settings.namespace();
        Optional<Map<String, HorizontalPodAutoscaler>> hpas = calls.list(
                "horizontalpodautoscalers",
                namespace,
                () -> byName(
                        client.autoscaling()
                                .v2()
                                .horizontalPodAutoscalers()
                                .inNamespace(namespace)
                                .list()
                                .getItems(),
                        hpa -> hpa.getMetadata().getName()));
        hpas.ifPresent(byName -> settings.hpas().stream()
                .map(byName::get)
                .filter(Objects::nonNull) // not every Deployment autoscales
                .forEach(hpa -> HpaSeries.add(hpa, out)));
    }

    private void sampleNodePools(ListCalls calls, Samples out) {
        calls.list("nodes", null, () -> client.nodes().list().getItems()).ifPresent(nodes -> {
            Map<String, Double> cpuLimits = calls.listIfInstalled(
                            "nodepools.karpenter.sh", () -> KarpenterNodePools.list(client))
                    .map(nodePools -> KarpenterNodePools.cpuLimits(nodePools, calls::problem))
                    .orElse(Map.of());
            NodePoolSeries.add(nodes, cpuLimits, out);
        });
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, item -> item, (first, second) -> first));
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "KubernetesSampler[" + settings + "]";
    }
}
