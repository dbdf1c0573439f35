package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nodes by node pool, {@code nodepool/<pool>/}. The pool is the label {@code karpenter.sh/nodepool},
 * else {@code workload-type}, else {@code none}.
 *
 * <ul>
 *   <li>{@code nodes} (nodes): the Ready ones</li>
 *   <li>{@code cpu_cores} (cores): the summed cpu capacity of all of them, Ready or not, since
 *       Karpenter counts a node against its pool's limit from launch</li>
 *   <li>{@code <instance-type>/<capacity-type>/nodes} (nodes): the Ready ones per
 *       {@code node.kubernetes.io/instance-type} and {@code karpenter.sh/capacity-type}
 *       ({@code spot}, {@code on-demand}; {@code unknown} when either label is missing)</li>
 *   <li>with a Karpenter cpu limit for the pool: {@code cpu_limit_pct} (%) of it in use, and
 *       {@code at_limit} (flag), 1 when another node as large as the pool's largest would exceed
 *       the limit, so Karpenter will not add it</li>
 * </ul>
 *
 * A pool with a limit but no nodes yet is reported with zeros.
 */
final class NodePoolSeries {
    private static final String POOL_LABEL = "karpenter.sh/nodepool";
    private static final String WORKLOAD_TYPE_LABEL = "workload-type";
    private static final String INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
    private static final String CAPACITY_TYPE_LABEL = "karpenter.sh/capacity-type";
    private static final String UNKNOWN = "unknown";

    private NodePoolSeries() {}

    /** {@code cpuLimits}: cores per Karpenter NodePool name, for the pools that set {@code spec.limits.cpu}. */
    static void add(List<Node> nodes, Map<String, Double> cpuLimits, Samples out) {
        Map<String, Pool> pools = new TreeMap<>();
        for (Node node : nodes) {
            pools.computeIfAbsent(poolOf(node), name -> new Pool()).add(node);
        }
        cpuLimits.keySet().forEach(name -> pools.computeIfAbsent(name, absent -> new Pool()));
        pools.forEach((name, pool) -> pool.addSamples("nodepool/" + name + "/", cpuLimits.get(name), out));
    }

    private static String poolOf(Node node) {
        Map<String, String> labels = labels(node);
        if (labels.containsKey(POOL_LABEL)) {
            return labels.get(POOL_LABEL);
        }
        return labels.getOrDefault(WORKLOAD_TYPE_LABEL, "none");
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition condition : node.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    private static double cpuCapacity(Node node) {
        return node.getStatus() == null ? 0 : Quantities.cores(node.getStatus().getCapacity(), "cpu");
    }

    /** The nodes of one pool, as they are counted. */
    private static final class Pool {
        private final Map<String, Integer> readyByShape = new TreeMap<>();
        private int ready;
        private double cpuCores;
        private double largestNodeCores;

        void add(Node node) {
            Map<String, String> labels = labels(node);
            String shape = labels.getOrDefault(INSTANCE_TYPE_LABEL, UNKNOWN) + "/"
                    + labels.getOrDefault(CAPACITY_TYPE_LABEL, UNKNOWN);
            boolean isReady = ready(node);
            readyByShape.merge(shape, isReady ? 1 : 0, Integer::sum);
            ready += isReady ? 1 : 0;
            double cores = cpuCapacity(node);
            cpuCores += cores;
            largestNodeCores = Math.max(largestNodeCores, cores);
        }

        void addSamples(String prefix, Double cpuLimit, Samples out) {
            out.add(prefix + "nodes", ready, "nodes");
            out.add(prefix + "cpu_cores", cpuCores, "cores");
            readyByShape.forEach((shape, count) -> out.add(prefix + shape + "/nodes", count, "nodes"));
            if (cpuLimit != null) {
                out.add(prefix + "cpu_limit_pct", cpuLimit > 0 ? cpuCores * 100 / cpuLimit : 100, "%");
                out.addFlag(prefix + "at_limit", cpuCores >= cpuLimit - largestNodeCores);
            }
        }
    }
}
