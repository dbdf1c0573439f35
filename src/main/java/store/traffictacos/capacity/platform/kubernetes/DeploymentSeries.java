package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * {@code deployment/<ns>/<name>/replicas} (the spec's), {@code ready_replicas} and
 * {@code available_replicas}, unit {@code replicas}.
 */
final class DeploymentSeries {
    private DeploymentSeries() {}

    static void add(Deployment deployment, Samples out) {
        String prefix = "deployment/" + deployment.getMetadata().getNamespace() + "/"
                + deployment.getMetadata().getName() + "/";
        Integer specReplicas =
                deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        DeploymentStatus status = deployment.getStatus();
        // The API server defaults an unset spec.replicas to 1 and leaves zero counts out of the status.
        out.add(prefix + "replicas", specReplicas == null ? 1 : specReplicas, "replicas");
        out.add(prefix + "ready_replicas", status == null ? 0 : orZero(status.getReadyReplicas()), "replicas");
        out.add(prefix + "available_replicas", status == null ? 0 : orZero(status.getAvailableReplicas()), "replicas");
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
