package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * From the pods of one Deployment, {@code workload/<ns>/<name>/}: {@code running_pods} and
 * {@code pending_pods} (pods, by phase), {@code restarts} (the sum of the containers'
 * {@code restartCount}) and {@code oomkilled} (containers whose current or last termination was
 * {@code OOMKilled}, unit containers).
 */
final class PodStatusSeries {
    private static final String OOM_KILLED = "OOMKilled";

    private PodStatusSeries() {}

    static void add(String prefix, List<Pod> pods, Samples out) {
        int running = 0;
        int pending = 0;
        long restarts = 0;
        int oomKilled = 0;
        for (Pod pod : pods) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Running".equals(phase)) {
                running++;
            } else if ("Pending".equals(phase)) {
                pending++;
            }
            for (ContainerStatus container : containerStatuses(pod)) {
                restarts += container.getRestartCount() == null ? 0 : container.getRestartCount();
                if (oomKilled(container.getState()) || oomKilled(container.getLastState())) {
                    oomKilled++;
                }
            }
        }
        out.add(prefix + "running_pods", running, "pods");
        out.add(prefix + "pending_pods", pending, "pods");
        out.add(prefix + "restarts", restarts, "restarts");
        out.add(prefix + "oomkilled", oomKilled, "containers");
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses();
    }

    private static boolean oomKilled(ContainerState state) {
        return state != null
                && state.getTerminated() != null
                && OOM_KILLED.equals(state.getTerminated().getReason());
    }
}
