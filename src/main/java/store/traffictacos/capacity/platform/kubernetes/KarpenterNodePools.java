package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Karpenter NodePools ({@code karpenter.sh/v1}, cluster-scoped), read untyped so that no Karpenter
 * model is needed on the classpath.
 */
final class KarpenterNodePools {
    /**
     * Named in full: with only apiVersion and kind the client would ask the API server's discovery
     * for the plural first, one more call per sample.
     */
    static final ResourceDefinitionContext NODE_POOLS = new ResourceDefinitionContext.Builder()
            .withGroup("karpenter.sh")
            .withVersion("v1")
            .withKind("NodePool")
            .withPlural("nodepools")
            .withNamespaced(false)
            .build();

    private KarpenterNodePools() {}

    static List<GenericKubernetesResource> list(KubernetesClient client) {
        return client.genericKubernetesResources(NODE_POOLS).list().getItems();
    }

    /**
     * Cores of {@code spec.limits.cpu} per NodePool name, for the NodePools that set it; one that
     * cannot be read as a quantity is left out and told to {@code problems}.
     */
    static Map<String, Double> cpuLimits(List<GenericKubernetesResource> nodePools, Consumer<String> problems) {
        Map<String, Double> limits = new TreeMap<>();
        for (GenericKubernetesResource nodePool : nodePools) {
            String name = nodePool.getMetadata().getName();
            Object cpu = nodePool.get("spec", "limits", "cpu");
            if (cpu == null) {
                continue;
            }
            try {
                limits.put(name, Quantities.cores(cpu));
            } catch (RuntimeException e) { // Quantity throws ArithmeticException or NumberFormatException
                problems.accept("kubernetes: nodepool " + name + " has an unreadable cpu limit: " + cpu);
            }
        }
        return limits;
    }
}
