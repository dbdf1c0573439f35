package store.traffictacos.capacity.controller.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON patches (RFC 6902) that scale an object and put it back. JSON patch rather than a merge
 * patch because removing an annotation with a merge patch means sending {@code null}, which
 * fabric8's mock server stores as a null annotation instead of removing it; JSON patch means the
 * same thing to both.
 *
 * <p>Every patch starts by setting {@code metadata.resourceVersion} to the one read: the API server
 * then refuses it with 409 Conflict when the object changed in between, so originals are never
 * recorded from, nor restored onto, a stale read.
 */
final class ScalePatch {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ArrayNode operations = JSON.arrayNode();

    private ScalePatch(HasMetadata current) {
        operation("replace", "/metadata/resourceVersion")
                .put("value", current.getMetadata().getResourceVersion());
    }

    /**
     * Records the run and the originals of the fields it changes (keeping originals already
     * recorded by this run), then sets the wanted values.
     */
    static String scale(HasMetadata current, String runId, Map<ReplicaField, Integer> wanted) {
        ScalePatch patch = new ScalePatch(current);
        Map<String, String> record = new LinkedHashMap<>();
        record.put(RunRecord.RUN_ID, runId);
        Map<ReplicaField, Integer> recorded = RunRecord.originalsOf(current);
        wanted.keySet().stream()
                .filter(field -> !recorded.containsKey(field))
                .forEach(field -> record.put(field.annotation(), String.valueOf(field.current(current))));
        patch.putAll("/metadata/annotations", current.getMetadata().getAnnotations(), record);
        patch.putAll("/metadata/labels", current.getMetadata().getLabels(), Map.of(RunRecord.RUN_ID, runId));
        wanted.forEach((field, value) -> patch.operation("add", field.pointer()).put("value", value));
        return patch.operations.toString();
    }

    /** Sets the originals back and removes every trace of the run. */
    static String restore(HasMetadata current, Map<ReplicaField, Integer> originals) {
        ScalePatch patch = new ScalePatch(current);
        originals.forEach(
                (field, value) -> patch.operation("add", field.pointer()).put("value", value));
        Map<String, String> annotations = current.getMetadata().getAnnotations();
        patch.removeIfPresent("/metadata/annotations", annotations, RunRecord.RUN_ID);
        for (ReplicaField field : ReplicaField.values()) {
            patch.removeIfPresent("/metadata/annotations", annotations, field.annotation());
        }
        patch.removeIfPresent("/metadata/labels", current.getMetadata().getLabels(), RunRecord.RUN_ID);
        return patch.operations.toString();
    }

    // "add" on a key of a map that does not exist fails on the API server, so a missing map is added whole.
    private void putAll(String mapPointer, Map<String, String> existing, Map<String, String> entries) {
        if (existing == null) {
            ObjectNode map = operation("add", mapPointer).putObject("value");
            entries.forEach(map::put);
            return;
        }
        entries.forEach(
                (key, value) -> operation("add", mapPointer + "/" + escape(key)).put("value", value));
    }

    // "remove" of a key that is not there fails the whole patch.
    private void removeIfPresent(String mapPointer, Map<String, String> existing, String key) {
        if (existing != null && existing.containsKey(key)) {
            operation("remove", mapPointer + "/" + escape(key));
        }
    }

    private ObjectNode operation(String op, String path) {
        ObjectNode operation = operations.addObject();
        operation.put("op", op);
        operation.put("path", path);
        return operation;
    }

    /** A map key as one JSON pointer segment: the '/' of an annotation key would otherwise split it. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
