package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Whether the Karpenter node pool the runners go to can hold them at all: its CPU limit against
 * runners × each runner's CPU. Checked before anything is created, since a run that can never pass
 * its barrier would otherwise wait out the barrier timeout first.
 */
public final class NodePoolRoom {
    private NodePoolRoom() {}

    /**
     * @throws IllegalArgumentException one line, when the runners need more CPU than the pool's limit
     */
    public static void check(KubernetesClient client, String nodePool, int runners, String runnerCpu) {
        GenericKubernetesResource pool;
        try {
            pool = client.genericKubernetesResources("karpenter.sh/v1", "NodePool")
                    .withName(nodePool)
                    .get();
        } catch (KubernetesClientException e) {
            // No Karpenter (404) or no right to read pools: nothing to check against; the barrier still bounds the
            // wait.
            return;
        }
        Object limits = pool == null
                ? null
                : ((Map<?, ?>) pool.getAdditionalProperties().getOrDefault("spec", Map.of())).get("limits");
        Object cpuLimit = limits instanceof Map<?, ?> map ? map.get("cpu") : null;
        if (cpuLimit == null) {
            return;
        }
        BigDecimal limit = Quantity.getAmountInBytes(new Quantity(cpuLimit.toString()));
        BigDecimal perRunner = Quantity.getAmountInBytes(new Quantity(runnerCpu));
        BigDecimal needed = perRunner.multiply(BigDecimal.valueOf(runners));
        if (needed.compareTo(limit) > 0) {
            throw new IllegalArgumentException("node pool " + nodePool + " can hold at most "
                    + limit.stripTrailingZeros().toPlainString() + " CPU (its limit), but " + runners + " runners × "
                    + runnerCpu + " CPU need "
                    + needed.stripTrailingZeros().toPlainString() + ": use fewer runners (a higher --runner-rps) or "
                    + "raise the pool's limit");
        }
    }
}
