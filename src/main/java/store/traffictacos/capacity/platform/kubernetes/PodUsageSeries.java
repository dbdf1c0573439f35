package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.util.List;
import java.util.Map;

/**
 * From the {@code metrics.k8s.io} usage of one Deployment's pods, {@code workload/<ns>/<name>/}:
 *
 * <ul>
 *   <li>{@code cpu_millicores} and {@code memory_bytes}: the sums over the pods that have metrics</li>
 *   <li>{@code cpu_pct_of_request} (%): summed usage over summed requests of the pods that have
 *       metrics and a cpu request, as the HPA computes its utilization</li>
 *   <li>{@code cpu_pct_of_request_max} (%): the same for the hottest single pod</li>
 *   <li>{@code memory_pct_of_limit} (%): the highest pod's usage over its memory limit; a pod has a
 *       limit only when every container has one (as for the pod's cgroup), and without any such pod
 *       the series is left out</li>
 * </ul>
 *
 * Nothing when no pod has metrics yet (metrics-server reports a pod only after its first scrape).
 */
final class PodUsageSeries {
    private PodUsageSeries() {}

    static void add(String prefix, List<Pod> pods, Map<String, PodMetrics> metricsByPod, Samples out) {
        double cpuUsed = 0;
        double memoryUsed = 0;
        double cpuUsedOfRequesting = 0;
        double cpuRequested = 0;
        double hottestCpuPct = -1;
        double highestMemoryPct = -1;
        boolean anyMetrics = false;
        for (Pod pod : pods) {
            PodMetrics metrics = metricsByPod.get(pod.getMetadata().getName());
            if (metrics == null) {
                continue;
            }
            anyMetrics = true;
            double cpu = cpuUsage(metrics);
            double memory = memoryUsage(metrics);
            cpuUsed += cpu;
            memoryUsed += memory;
            double request = cpuRequest(pod);
            if (request > 0) {
                cpuUsedOfRequesting += cpu;
                cpuRequested += request;
                hottestCpuPct = Math.max(hottestCpuPct, cpu * 100 / request);
            }
            double limit = memoryLimit(pod);
            if (limit > 0) {
                highestMemoryPct = Math.max(highestMemoryPct, memory * 100 / limit);
            }
        }
        if (!anyMetrics) {
            return;
        }
        out.add(prefix + "cpu_millicores", cpuUsed * 1000, "millicores");
        if (cpuRequested > 0) {
            out.add(prefix + "cpu_pct_of_request", cpuUsedOfRequesting * 100 / cpuRequested, "%");
            out.add(prefix + "cpu_pct_of_request_max", hottestCpuPct, "%");
        }
        out.add(prefix + "memory_bytes", memoryUsed, "bytes");
        if (highestMemoryPct >= 0) {
            out.add(prefix + "memory_pct_of_limit", highestMemoryPct, "%");
        }
    }

    /** Cores, summed over the pod's containers. */
    private static double cpuUsage(PodMetrics metrics) {
        double sum = 0;
        for (ContainerMetrics container : metrics.getContainers()) {
            sum += Quantities.cores(container.getUsage(), "cpu");
        }
        return sum;
    }

    /** Bytes, summed over the pod's containers. */
    private static double memoryUsage(PodMetrics metrics) {
        double sum = 0;
        for (ContainerMetrics container : metrics.getContainers()) {
            sum += Quantities.bytes(container.getUsage(), "memory");
        }
        return sum;
    }

    private static double cpuRequest(Pod pod) {
        double sum = 0;
        for (Container container : pod.getSpec().getContainers()) {
            ResourceRequirements resources = container.getResources();
            sum += resources == null ? 0 : Quantities.cores(resources.getRequests(), "cpu");
        }
        return sum;
    }

    /** The sum of the containers' memory limits, or 0 when any container has none (the pod is then unbounded). */
    private static double memoryLimit(Pod pod) {
        double sum = 0;
        for (Container container : pod.getSpec().getContainers()) {
            ResourceRequirements resources = container.getResources();
            double limit = resources == null ? 0 : Quantities.bytes(resources.getLimits(), "memory");
            if (limit <= 0) {
                return 0;
            }
            sum += limit;
        }
        return sum;
    }
}
