package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Optional;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.controller.scale.ScaleTarget.Kind;

/** What would keep a target from being scaled, found with reads and a dry-run patch only. */
final class Preflight {
    private final ScaledObjects objects;

    Preflight(ScaledObjects objects) {
        this.objects = objects;
    }

    /** Why the target cannot be scaled as asked, or empty when it can. */
    Optional<String> problemWith(ScaleTarget target) {
        try {
            HasMetadata object = objects.get(target.kind(), target.namespace(), target.name());
            if (object == null) {
                return Optional.of(target.describe() + " not found");
            }
            String recordedRun = RunRecord.runIdOf(object);
            if (recordedRun != null) {
                return Optional.of(RunRecord.neverRestored(target.describe(), recordedRun));
            }
            Optional<String> problem = switch (target.kind()) {
                case HPA -> hpaProblem(target, (HorizontalPodAutoscaler) object);
                case DEPLOYMENT -> deploymentProblem(target);
            };
            if (problem.isEmpty()) {
                objects.probePatch(target.kind(), target.namespace(), target.name());
            }
            return problem;
        } catch (ApiCallException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> hpaProblem(ScaleTarget target, HorizontalPodAutoscaler hpa) {
        CrossVersionObjectReference scaled = hpa.getSpec().getScaleTargetRef();
        // Readiness is read from the Deployment the HPA scales; other workloads are not supported.
        if (!"Deployment".equals(scaled.getKind())) {
            return Optional.of(
                    target.describe() + " scales a " + scaled.getKind() + "; only Deployments are supported");
        }
        if (objects.get(Kind.DEPLOYMENT, target.namespace(), scaled.getName()) == null) {
            return Optional.of(target.describe() + " scales deployment " + target.namespace() + "/" + scaled.getName()
                    + ", which is not found");
        }
        int maxReplicas = ReplicaField.MAX_REPLICAS.current(hpa);
        if (target.maxReplicas() == null && target.minReplicas() > maxReplicas) {
            return Optional.of(target.describe() + ": minReplicas " + target.minReplicas()
                    + " is above its maxReplicas " + maxReplicas + "; give maxReplicas too");
        }
        return Optional.empty();
    }

    // The HPA would undo a new replica count at its next sync: its floor is what to raise.
    private Optional<String> deploymentProblem(ScaleTarget target) {
        return objects.hpaScaling(target.namespace(), target.name())
                .map(hpa -> target.describe() + " is scaled by hpa " + target.namespace() + "/"
                        + hpa.getMetadata().getName() + ": scale that hpa instead (minReplicas)");
    }
}
