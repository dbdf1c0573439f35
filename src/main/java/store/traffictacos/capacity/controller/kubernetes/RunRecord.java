package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a run writes on each object it scales, so that a fresh process can undo it from the run id
 * alone: the run id as an annotation (the record) and as a label (so the objects can be found with
 * a label selector, which cannot match annotations), and one annotation per changed field keeping
 * its original value.
 */
final class RunRecord {
    static final String PREFIX = "capacity.traffictacos.store/";
    /** Both the annotation and the label carrying the run id. */
    static final String RUN_ID = PREFIX + "run-id";

    // Kubernetes' rule for label values, which the run id must follow to be usable as a selector.
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");

    private RunRecord() {}

    /** @throws IllegalArgumentException when the run id cannot be a label value */
    static void requireRecordable(String runId) {
        if (runId == null || !LABEL_VALUE.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' cannot be recorded on Kubernetes objects: "
                    + "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }

    /** The run whose originals the object carries, or null when it carries none. */
    static String runIdOf(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(RUN_ID);
    }

    /** Why an object left scaled by another run may not be scaled again, with what to do about it. */
    static String neverRestored(String target, String recordedRun) {
        return target + " still carries the originals of run " + recordedRun + ", never restored: run restore --run-id "
                + recordedRun + " first";
    }

    /** The original values the object carries, by field. */
    static Map<ReplicaField, Integer> originalsOf(HasMetadata object) {
        Map<ReplicaField, Integer> originals = new EnumMap<>(ReplicaField.class);
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        if (annotations == null) {
            return originals;
        }
        for (ReplicaField field : ReplicaField.values()) {
            String value = annotations.get(field.annotation());
            if (value != null) {
                originals.put(field, parse(field, value));
            }
        }
        return originals;
    }

    private static int parse(ReplicaField field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    "annotation " + field.annotation() + " is not a replica count: '" + value + "'");
        }
    }
}
