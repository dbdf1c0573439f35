package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.spec.RunSpecFile;

/**
 * The cluster of the controller-level tests on fabric8's CRUD mock API server: the load-test and app
 * namespaces, the app's HPA {@code gateway-api} (2 to 4 replicas) and its Deployment, a kubeconfig
 * that reaches the server as {@code tacos-capacity run} would, and the answers the CRUD mock cannot
 * give by itself (SelfSubjectAccessReviews, which it refuses with 422; the Karpenter NodePool API's
 * discovery). The controllers it lacks are played by {@link PlayedRun}.
 */
final class KubernetesRunCluster {
    static final String NAMESPACE = "tacos-loadtest";
    static final String APP_NAMESPACE = "tacos-app";
    static final String HPA = "gateway-api";
    static final int ORIGINAL_MIN = 2;
    static final int ORIGINAL_MAX = 4;
    static final String TARGET = "http://gateway-api.tacos-app.svc:8000";
    /**
     * 600 requests, 300 per runner of 2 (played, not sent): enough for the phase's p99 to be judged with
     * confidence (368 at least), so that a run that goes well passes.
     */
    static final String PROFILE = """
            name: k8s-e2e
            phases:
              - {name: steady, duration: 3s, rps: 200}
            """;

    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    KubernetesRunCluster(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** Both namespaces, the app's HPA with its Deployment, every permission granted. */
    KubernetesRunCluster standUp() {
        return standUp(permission -> true);
    }

    /** Both namespaces, the app's HPA with its Deployment, the permissions {@code allowed} accepts granted. */
    KubernetesRunCluster standUp(Predicate<ResourceAttributes> allowed) {
        for (String namespace : List.of(NAMESPACE, APP_NAMESPACE)) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        client.apps()
                .deployments()
                .inNamespace(APP_NAMESPACE)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(HPA)
                        .withNamespace(APP_NAMESPACE)
                        .addToLabels("app", HPA)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(ORIGINAL_MIN)
                        .withNewSelector()
                        .addToMatchLabels("app", HPA)
                        .endSelector()
                        .endSpec()
                        .build())
                .create();
        client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(APP_NAMESPACE)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName(HPA)
                        .withNamespace(APP_NAMESPACE)
                        .addToLabels("app", HPA)
                        .endMetadata()
                        .withNewSpec()
                        .withMinReplicas(ORIGINAL_MIN)
                        .withMaxReplicas(ORIGINAL_MAX)
                        .withNewScaleTargetRef("apps/v1", "Deployment", HPA)
                        .endSpec()
                        .build())
                .create();
        allow(allowed);
        return this;
    }

    /**
     * Answers every SelfSubjectAccessReview as the API server would, allowing what {@code allowed}
     * accepts. The first expectation registered for the path answers for ever.
     */
    private void allow(Predicate<ResourceAttributes> allowed) {
        server.expect()
                .post()
                .withPath(REVIEWS)
                .andReply(201, request -> {
                    SelfSubjectAccessReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), SelfSubjectAccessReview.class);
                    review.setStatus(new SubjectAccessReviewStatus());
                    review.getStatus().setAllowed(allowed.test(review.getSpec().getResourceAttributes()));
                    return review;
                })
                .always();
    }

    /** A Karpenter NodePool (cluster-scoped) whose {@code spec.limits.cpu} is {@code cpuLimit}. */
    void nodePool(String name, String cpuLimit) {
        CustomResourceDefinitionContext nodePools = new CustomResourceDefinitionContext.Builder()
                .withGroup("karpenter.sh")
                .withVersion("v1")
                .withKind("NodePool")
                .withPlural("nodepools")
                .withScope("Cluster")
                .build();
        // The mock serves the group's discovery for a custom resource only once told about it.
        server.expectCustomResource(nodePools);
        GenericKubernetesResource pool = new GenericKubernetesResourceBuilder()
                .withApiVersion("karpenter.sh/v1")
                .withKind("NodePool")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
        pool.setAdditionalProperty("spec", Map.of("limits", Map.of("cpu", cpuLimit)));
        client.genericKubernetesResources(nodePools).resource(pool).create();
    }

    /** A kubeconfig reaching the mock server with a bearer token, as a developer's would reach a cluster. */
    Path kubeconfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                      insecure-skip-tls-verify: true
                users:
                  - name: e2e
                    user:
                      token: e2e-token
                contexts:
                  - name: mock
                    context: {cluster: mock, user: e2e, namespace: default}
                current-context: mock
                """.formatted(server.url("/")));
    }

    HorizontalPodAutoscaler hpa() {
        return client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(APP_NAMESPACE)
                .withName(HPA)
                .get();
    }

    /** Everything labelled with the run, as "job x", "configmap y", "pod z", "horizontalpodautoscaler w". */
    List<String> labelledWith(String runId) {
        List<HasMetadata> labelled = new ArrayList<>();
        labelled.addAll(client.batch()
                .v1()
                .jobs()
                .inAnyNamespace()
                .withLabel(RunnerJobs.RUN_ID_LABEL, runId)
                .list()
                .getItems());
        labelled.addAll(client.configMaps()
                .inAnyNamespace()
                .withLabel(RunnerJobs.RUN_ID_LABEL, runId)
                .list()
                .getItems());
        labelled.addAll(client.pods()
                .inAnyNamespace()
                .withLabel(RunnerJobs.RUN_ID_LABEL, runId)
                .list()
                .getItems());
        labelled.addAll(client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inAnyNamespace()
                .withLabel(RunnerJobs.RUN_ID_LABEL, runId)
                .list()
                .getItems());
        labelled.addAll(client.apps()
                .deployments()
                .inAnyNamespace()
                .withLabel(RunnerJobs.RUN_ID_LABEL, runId)
                .list()
                .getItems());
        return labelled.stream()
                .map(object -> object.getKind().toLowerCase(Locale.ROOT) + " "
                        + object.getMetadata().getName())
                .toList();
    }

    /** Every Job and ConfigMap in the load-test namespace, whatever their labels. */
    List<String> runObjects() {
        return Stream.concat(
                        client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems().stream(),
                        client.configMaps().inNamespace(NAMESPACE).list().getItems().stream())
                .map(object -> object.getKind().toLowerCase(Locale.ROOT) + " "
                        + object.getMetadata().getName())
                .toList();
    }

    /** The run spec file of these tests in {@code dir}, its profile file beside it; see {@link #specYaml}. */
    static Path specFile(Path dir, String runId, Path kubeconfig, String... changes) throws IOException {
        return Files.writeString(dir.resolve(runId + "-spec.yaml"), specYaml(dir, runId, kubeconfig, changes));
    }

    /** The run spec of these tests as {@code tacos-capacity run --spec} reads it; see {@link #specYaml}. */
    static RunSpec spec(Path dir, String runId, Path kubeconfig, String... changes) throws IOException {
        return RunSpecFile.parse(specYaml(dir, runId, kubeconfig, changes), "spec")
                .toSpec("unused");
    }

    /**
     * Two runners of the 3 s profile against the platform's URL, {@code gateway-api} pre-scaled to 5..10,
     * short timeouts. Each of {@code changes} ({@code key: value}) sets a top-level field, or with a
     * {@code kubernetes.} prefix a field of {@code kubernetes}, over these.
     */
    private static String specYaml(Path dir, String runId, Path kubeconfig, String... changes) throws IOException {
        Path profile = Files.writeString(dir.resolve(runId + "-profile.yaml"), PROFILE);
        Map<String, String> kubernetes = new LinkedHashMap<>();
        kubernetes.put("kubeconfig", kubeconfig.toString());
        kubernetes.put("namespace", NAMESPACE);
        kubernetes.put("appNamespace", APP_NAMESPACE);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("runId", runId);
        fields.put("backend", "kubernetes");
        fields.put("target", TARGET);
        fields.put("profileFile", profile.toString());
        fields.put("runners", "2");
        fields.put("scale", "[{hpa: " + HPA + ", min: 5, max: 10}]");
        fields.put("platform", "{kubernetes: false}");
        fields.put("reports", dir.resolve("reports").toString());
        fields.put("timeouts", "{scale: 5s, barrier: 3s, startLead: 1s, drain: 20s}");
        for (String change : changes) {
            String key = change.substring(0, change.indexOf(':')).strip();
            String value = change.substring(change.indexOf(':') + 1).strip();
            if (key.startsWith("kubernetes.")) {
                kubernetes.put(key.substring("kubernetes.".length()), value);
            } else {
                fields.put(key, value);
            }
        }
        StringBuilder yaml = new StringBuilder();
        fields.forEach(
                (key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        yaml.append("kubernetes:\n");
        kubernetes.forEach((key, value) ->
                yaml.append("  ").append(key).append(": ").append(value).append('\n'));
        return yaml.toString();
    }
}
