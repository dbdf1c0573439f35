package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.HttpURLConnection;
import java.util.Map;

/**
 * The objects of the scaler's tests on fabric8's CRUD mock server, which stores what it is sent
 * and runs no controllers: the tests play the Deployment controller themselves.
 */
final class TestCluster {
    static final String NAMESPACE = "tacos-app";
    static final String HPA_API = "/apis/autoscaling/v2/namespaces/" + NAMESPACE + "/horizontalpodautoscalers/";
    static final String DEPLOYMENT_API = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments/";

    private final KubernetesClient client;

    TestCluster(KubernetesClient client) {
        this.client = client;
    }

    Deployment deployment(String name, int replicas) {
        return deployment(NAMESPACE, name, replicas);
    }

    Deployment deployment(String namespace, String name, int replicas) {
        return client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .endSpec()
                .build()).create();
    }

    /** An HPA with the Deployment it scales. */
    HorizontalPodAutoscaler hpa(String name, int minReplicas, int maxReplicas) {
        deployment(name, minReplicas);
        return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                        .withNewSpec().withMinReplicas(minReplicas).withMaxReplicas(maxReplicas)
                        .withNewScaleTargetRef("apps/v1", "Deployment", name).endSpec()
                        .build()).create();
    }

    /** Adds annotations as someone else would. */
    void annotate(HorizontalPodAutoscaler hpa, Map<String, String> annotations) {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE).withName(hpa.getMetadata().getName())
                .edit(current -> new HorizontalPodAutoscalerBuilder(current).editMetadata().addToAnnotations(annotations)
                        .endMetadata().build());
    }

    /** Plays the Deployment controller, which reports ready pods through the status subresource. */
    void readyReplicas(String deployment, int ready) {
        client.apps().deployments().inNamespace(NAMESPACE).withName(deployment)
                .editStatus(current -> new DeploymentBuilder(current).editOrNewStatus().withReadyReplicas(ready)
                        .endStatus().build());
    }

    HorizontalPodAutoscaler readHpa(String name) {
        return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE).withName(name).get();
    }

    Deployment readDeployment(String name) {
        return readDeployment(NAMESPACE, name);
    }

    Deployment readDeployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    /** What the API server answers a request RBAC does not allow. */
    static Status forbidden() {
        return new StatusBuilder().withStatus("Failure").withReason("Forbidden").withCode(HttpURLConnection.HTTP_FORBIDDEN)
                .withMessage("User \"system:serviceaccount:tacos-capacity:controller\" cannot do that here").build();
    }
}
