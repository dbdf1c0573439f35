package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import store.traffictacos.capacity.controller.scale.ScaleTarget.Kind;

/**
 * The HPAs and Deployments a run scales, read and patched the same way whichever the kind. Every
 * failed call is an {@link ApiCallException}.
 */
final class ScaledObjects {
    private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);

    private final KubernetesClient client;

    ScaledObjects(KubernetesClient client) {
        this.client = client;
    }

    /** The object, or null when it does not exist. */
    HasMetadata get(Kind kind, String namespace, String name) {
        return call(
                "get", kind, namespace, () -> resource(kind, namespace, name).get());
    }

    /** Sends a JSON patch (RFC 6902) to the object as read. */
    void patch(HasMetadata current, String jsonPatch) {
        Kind kind = kindOf(current);
        String namespace = current.getMetadata().getNamespace();
        call(
                "patch",
                kind,
                namespace,
                () -> resource(kind, namespace, current.getMetadata().getName()).patch(JSON_PATCH, jsonPatch));
    }

    /**
     * Asks the API server whether we may patch the object, without changing it: an empty patch as a
     * dry run goes through authorization and admission like a real one, and is never stored.
     */
    void probePatch(Kind kind, String namespace, String name) {
        call(
                "patch",
                kind,
                namespace,
                () -> resource(kind, namespace, name).dryRun().patch(JSON_PATCH, "[]"));
    }

    /** Every HPA and Deployment, in any namespace, labelled with the run. */
    List<HasMetadata> labelledWith(String runId) {
        List<HasMetadata> labelled = new ArrayList<>();
        labelled.addAll(call(
                "list",
                Kind.HPA,
                null,
                () -> client.autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inAnyNamespace()
                        .withLabel(RunRecord.RUN_ID, runId)
                        .list()
                        .getItems()));
        labelled.addAll(call(
                "list",
                Kind.DEPLOYMENT,
                null,
                () -> client.apps()
                        .deployments()
                        .inAnyNamespace()
                        .withLabel(RunRecord.RUN_ID, runId)
                        .list()
                        .getItems()));
        return labelled;
    }

    /** The HPA in the namespace that scales the Deployment, if any. */
    Optional<HorizontalPodAutoscaler> hpaScaling(String namespace, String deployment) {
        List<HorizontalPodAutoscaler> hpas = call(
                "list",
                Kind.HPA,
                namespace,
                () -> client.autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace(namespace)
                        .list()
                        .getItems());
        return hpas.stream()
                .filter(hpa -> "Deployment"
                                .equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && deployment.equals(hpa.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    static Kind kindOf(HasMetadata object) {
        return object instanceof HorizontalPodAutoscaler ? Kind.HPA : Kind.DEPLOYMENT;
    }

    /** How messages name the object, e.g. {@code hpa tacos-app/ticket-api}, as {@code ScaleTarget.describe()}. */
    static String describe(HasMetadata object) {
        return kindOf(object).label() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }

    private Resource<? extends HasMetadata> resource(Kind kind, String namespace, String name) {
        return switch (kind) {
            case HPA ->
                client.autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace(namespace)
                        .withName(name);
            case DEPLOYMENT ->
                client.apps().deployments().inNamespace(namespace).withName(name);
        };
    }

    private static <T> T call(String verb, Kind kind, String namespace, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw ApiCallException.of(e, verb, plural(kind), namespace);
        }
    }

    private static String plural(Kind kind) {
        return switch (kind) {
            case HPA -> "horizontalpodautoscalers";
            case DEPLOYMENT -> "deployments";
        };
    }
}
