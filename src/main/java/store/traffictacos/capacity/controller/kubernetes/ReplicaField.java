package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.EnumMap;
import java.util.Map;
import store.traffictacos.capacity.controller.scale.ScaleTarget;

/** A replica count in an object's spec that a run changes, and the annotation keeping its original. */
enum ReplicaField {
    MIN_REPLICAS("minReplicas", RunRecord.PREFIX + "original-min-replicas"),
    MAX_REPLICAS("maxReplicas", RunRecord.PREFIX + "original-max-replicas"),
    REPLICAS("replicas", RunRecord.PREFIX + "original-replicas");

    private final String specField;
    private final String annotation;

    ReplicaField(String specField, String annotation) {
        this.specField = specField;
        this.annotation = annotation;
    }

    /** The field's name in the spec, e.g. {@code minReplicas}. */
    String specField() {
        return specField;
    }

    /** The JSON pointer of the field, for JSON patches. */
    String pointer() {
        return "/spec/" + specField;
    }

    /** The annotation that keeps the field's value from before the run. */
    String annotation() {
        return annotation;
    }

    /** The value the object has now; an unset count is the API's default of 1. */
    int current(HasMetadata object) {
        Integer value = switch (this) {
            case MIN_REPLICAS -> ((HorizontalPodAutoscaler) object).getSpec().getMinReplicas();
            case MAX_REPLICAS -> ((HorizontalPodAutoscaler) object).getSpec().getMaxReplicas();
            case REPLICAS -> ((Deployment) object).getSpec().getReplicas();
        };
        return value == null ? 1 : value;
    }

    /** The fields a target changes, with the values it wants; an HPA's ceiling only when one is given. */
    static Map<ReplicaField, Integer> wanted(ScaleTarget target) {
        Map<ReplicaField, Integer> wanted = new EnumMap<>(ReplicaField.class);
        switch (target.kind()) {
            case HPA -> {
                wanted.put(MIN_REPLICAS, target.minReplicas());
                if (target.maxReplicas() != null) {
                    wanted.put(MAX_REPLICAS, target.maxReplicas());
                }
            }
            case DEPLOYMENT -> wanted.put(REPLICAS, target.replicas());
        }
        return wanted;
    }
}
