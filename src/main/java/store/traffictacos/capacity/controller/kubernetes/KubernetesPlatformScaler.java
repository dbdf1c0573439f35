package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.controller.scale.ScaleTarget.Kind;

/**
 * Scales HPAs and Deployments through the Kubernetes API. Each object scaled carries its originals
 * and the run id (see {@link RunRecord}), so {@link #restore} needs nothing else: it finds the
 * objects by label in every namespace.
 *
 * <p>RBAC: get and patch on the targets' horizontalpodautoscalers and deployments, list on
 * horizontalpodautoscalers in their namespaces (to find the HPA scaling a Deployment), and list on
 * both in all namespaces (a ClusterRole) for {@link #restore}.
 */
public final class KubernetesPlatformScaler implements PlatformScaler {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    // The HPA controller writes an HPA's status every sync, changing its resourceVersion, so a
    // conflict between our read and our patch is to be expected now and then.
    private static final int PATCH_ATTEMPTS = 5;

    private final ScaledObjects objects;
    private final Preflight preflight;
    private final Readiness readiness;

    public KubernetesPlatformScaler(KubernetesClient client) {
        this(client, POLL_INTERVAL);
    }

    /** @param pollInterval how often {@link #awaitReady} reads the Deployments */
    KubernetesPlatformScaler(KubernetesClient client, Duration pollInterval) {
        this.objects = new ScaledObjects(client);
        this.preflight = new Preflight(objects);
        this.readiness = new Readiness(objects, pollInterval);
    }

    @Override
    public void check(List<ScaleTarget> targets) {
        List<String> problems = targets.stream()
                .map(preflight::problemWith)
                .flatMap(Optional::stream)
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    @Override
    public void scale(String runId, List<ScaleTarget> targets) {
        RunRecord.requireRecordable(runId);
        for (ScaleTarget target : targets) {
            Map<ReplicaField, Integer> wanted = ReplicaField.wanted(target);
            try {
                patchFresh(target.kind(), target.namespace(), target.name(), current -> {
                    if (current == null) {
                        throw new IllegalStateException(target.describe() + " not found");
                    }
                    String recordedRun = RunRecord.runIdOf(current);
                    if (recordedRun != null && !recordedRun.equals(runId)) {
                        throw new IllegalStateException(RunRecord.neverRestored(target.describe(), recordedRun));
                    }
                    return Optional.of(ScalePatch.scale(current, runId, wanted));
                });
            } catch (ApiCallException e) {
                throw new IllegalStateException("cannot scale " + target.describe() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void awaitReady(List<ScaleTarget> targets, Duration timeout) {
        readiness.await(targets, timeout);
    }

    @Override
    public List<String> restore(String runId) {
        RunRecord.requireRecordable(runId);
        List<HasMetadata> changed;
        try {
            changed = objects.labelledWith(runId);
        } catch (ApiCallException e) {
            throw new IllegalStateException("cannot find what run " + runId + " changed: " + e.getMessage(), e);
        }
        List<String> restored = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (HasMetadata object : changed) {
            try {
                restore(runId, object).ifPresent(restored::add);
            } catch (ApiCallException | IllegalStateException e) {
                failures.add(ScaledObjects.describe(object) + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("run " + runId + ": restored " + restored.size() + " of " + changed.size()
                    + " objects; not restored: " + String.join("; ", failures));
        }
        return restored;
    }

    /** The line telling what was put back, or empty when the object no longer carries this run. */
    private Optional<String> restore(String runId, HasMetadata found) {
        Optional<HasMetadata> before = patchFresh(
                ScaledObjects.kindOf(found),
                found.getMetadata().getNamespace(),
                found.getMetadata().getName(),
                current -> {
                    // Deleted, or put back by a concurrent restore since the list: nothing left to do.
                    if (current == null || !runId.equals(RunRecord.runIdOf(current))) {
                        return Optional.empty();
                    }
                    return Optional.of(ScalePatch.restore(current, RunRecord.originalsOf(current)));
                });
        return before.map(object -> ScaledObjects.describe(object) + ": "
                + RunRecord.originalsOf(object).entrySet().stream()
                        .map(original -> original.getKey().specField() + " back to " + original.getValue())
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Reads the object, builds a patch from what was read and sends it; when the object changed in
     * between (409), does it all again on a fresh read.
     *
     * @param patchFor the patch for the object as read (null when not found), or empty for nothing to do
     * @return the object as read before the patch that went through, or empty when there was nothing to do
     */
    private Optional<HasMetadata> patchFresh(
            Kind kind, String namespace, String name, Function<HasMetadata, Optional<String>> patchFor) {
        for (int attempt = 1; ; attempt++) {
            HasMetadata current = objects.get(kind, namespace, name);
            Optional<String> patch = patchFor.apply(current);
            if (patch.isEmpty()) {
                return Optional.empty();
            }
            try {
                objects.patch(current, patch.get());
                return Optional.of(current);
            } catch (ApiCallException e) {
                if (!e.isConflict() || attempt == PATCH_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
