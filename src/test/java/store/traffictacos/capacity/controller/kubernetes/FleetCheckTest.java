package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.check")
class FleetCheckTest {

    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    @DisplayName("passes when the namespace exists and every permission is granted")
    void allowed() {
        // Given
        namespace();
        reviewsAnswer(permission -> true);

        // When / Then
        assertThatCode(() -> fleet().check()).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a denied permission to create Jobs is one line naming it, and nothing is created")
    void jobCreationForbidden() {
        // Given
        namespace();
        reviewsAnswer(permission -> !(permission.getVerb().equals("create")
                && permission.getResource().equals("jobs")));

        // When / Then
        assertThatThrownBy(() -> fleet().check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes: not allowed in namespace loadtest: create jobs.batch");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems())
                .isEmpty();
        assertThat(client.configMaps().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    @DisplayName("a 403 answer to the permission check itself is one line")
    void reviewForbidden() {
        // Given
        namespace();
        server.expect()
                .post()
                .withPath(REVIEWS)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage(
                                        "selfsubjectaccessreviews.authorization.k8s.io is forbidden: User \"ci\" cannot create it")
                                .build())
                .always();

        // When / Then
        assertThatThrownBy(() -> fleet().check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes: forbidden: cannot create selfsubjectaccessreviews in loadtest (RBAC)");
    }

    @Test
    @DisplayName("a namespace that does not exist is one line naming it")
    void noNamespace() {
        // Given no namespace, though every permission is granted
        reviewsAnswer(permission -> true);

        // When / Then
        assertThatThrownBy(() -> fleet().check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes: namespace loadtest does not exist");
    }

    private void namespace() {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
    }

    /** Answers every SelfSubjectAccessReview as the API server would, allowing what {@code allowed} accepts. */
    private void reviewsAnswer(Predicate<ResourceAttributes> allowed) {
        server.expect()
                .post()
                .withPath(REVIEWS)
                .andReply(201, request -> {
                    SelfSubjectAccessReview review =
                            Serialization.unmarshal(request.getBody().readUtf8(), SelfSubjectAccessReview.class);
                    review.setStatus(new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus());
                    review.getStatus().setAllowed(allowed.test(review.getSpec().getResourceAttributes()));
                    return review;
                })
                .always();
    }

    private KubernetesRunnerFleet fleet() {
        return new KubernetesRunnerFleet(client, NAMESPACE);
    }
}
