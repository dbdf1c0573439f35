package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cluster of the scaler's tests, as a JUnit extension: fabric8's CRUD mock API server (as
 * {@code @EnableKubernetesMockClient(crud = true)} starts it), which stores what it is sent and runs no
 * controllers (the tests play the Deployment controller themselves), a client, and the objects the tests
 * need. One server per test class, emptied after each test: a new client's first calls are slow.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestCluster cluster = new TestCluster();
 * }</pre>
 */
final class TestCluster implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final String NAMESPACE = "tacos-app";
    static final String HPA_API = "/apis/autoscaling/v2/namespaces/" + NAMESPACE + "/horizontalpodautoscalers/";
    static final String DEPLOYMENT_API = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments/";

    private KubernetesMockServer server;
    private KubernetesClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                responses,
                new KubernetesMixedDispatcher(responses),
                true);
        server.init();
        client = server.createClient();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.destroy();
    }

    /** The mock API server, for answers the CRUD mock would not give (errors, conflicts). */
    KubernetesMockServer server() {
        return server;
    }

    /** A client of the mock server, shared by the class's tests. */
    KubernetesClient client() {
        return client;
    }

    Deployment deployment(String name, int replicas) {
        return deployment(NAMESPACE, name, replicas);
    }

    Deployment deployment(String namespace, String name, int replicas) {
        return client.apps()
                .deployments()
                .inNamespace(namespace)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .addToLabels("app", name)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(replicas)
                        .withNewSelector()
                        .addToMatchLabels("app", name)
                        .endSelector()
                        .endSpec()
                        .build())
                .create();
    }

    /** An HPA with the Deployment it scales. */
    HorizontalPodAutoscaler hpa(String name, int minReplicas, int maxReplicas) {
        deployment(name, minReplicas);
        return client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withNewSpec()
                        .withMinReplicas(minReplicas)
                        .withMaxReplicas(maxReplicas)
                        .withNewScaleTargetRef("apps/v1", "Deployment", name)
                        .endSpec()
                        .build())
                .create();
    }

    /** Adds annotations as someone else would. */
    void annotate(HorizontalPodAutoscaler hpa, Map<String, String> annotations) {
        client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .withName(hpa.getMetadata().getName())
                .edit(current -> new HorizontalPodAutoscalerBuilder(current)
                        .editMetadata()
                        .addToAnnotations(annotations)
                        .endMetadata()
                        .build());
    }

    /** Plays the Deployment controller, which reports ready pods through the status subresource. */
    void readyReplicas(String deployment, int ready) {
        client.apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName(deployment)
                .editStatus(current -> new DeploymentBuilder(current)
                        .editOrNewStatus()
                        .withReadyReplicas(ready)
                        .endStatus()
                        .build());
    }

    HorizontalPodAutoscaler readHpa(String name) {
        return client.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    Deployment readDeployment(String name) {
        return readDeployment(NAMESPACE, name);
    }

    Deployment readDeployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    /** What the API server answers a request RBAC does not allow. */
    static Status forbidden() {
        return new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(HttpURLConnection.HTTP_FORBIDDEN)
                .withMessage("User \"system:serviceaccount:tacos-capacity:controller\" cannot do that here")
                .build();
    }
}
