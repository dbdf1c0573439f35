package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;

/** The pods of a Deployment: those carrying every label of its {@code spec.selector.matchLabels}. */
final class PodSelection {
    private PodSelection() {}

    static List<Pod> selectedBy(Deployment deployment, List<Pod> pods) {
        Map<String, String> wanted =
                deployment.getSpec() == null || deployment.getSpec().getSelector() == null
                        ? null
                        : deployment.getSpec().getSelector().getMatchLabels();
        if (wanted == null || wanted.isEmpty()) {
            return List.of(); // an empty selector would claim every pod of the namespace
        }
        return pods.stream().filter(pod -> carries(pod, wanted)).toList();
    }

    private static boolean carries(Pod pod, Map<String, String> wanted) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(wanted.entrySet());
    }
}
