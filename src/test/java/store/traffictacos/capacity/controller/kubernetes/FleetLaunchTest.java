package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("KubernetesRunnerFleet.launch")
class FleetLaunchTest {

    private static final String NAME = "tacos-run-" + TestLaunches.RUN_ID;

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    @DisplayName("creates the Job and a ConfigMap owned by it, with the uid the API server gave the Job")
    void createsJobAndOwnedConfigMap() {
        // When
        fleet().launch(launch(3));

        // Then
        Job job =
                client.batch().v1().jobs().inNamespace(NAMESPACE).withName(NAME).get();
        ConfigMap configMap =
                client.configMaps().inNamespace(NAMESPACE).withName(NAME).get();
        assertThat(job.getSpec().getParallelism()).isEqualTo(3);
        assertThat(configMap.getData()).containsKey("runner.properties");
        assertThat(configMap.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getUid())
                        .isNotBlank()
                        .isEqualTo(job.getMetadata().getUid()));
    }

    @Test
    @DisplayName("a run id whose Job already exists is refused in one line")
    void existingRun() {
        // Given an earlier run with the same id
        fleet().launch(launch(1));

        // When / Then
        assertThatThrownBy(() -> fleet().launch(launch(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes: job " + NAME + " already exists in namespace loadtest;"
                        + " clean up that run or choose another run id");
    }

    @Test
    @DisplayName("when the ConfigMap cannot be created, the Job is taken back and the error is one line")
    void configMapRefused() {
        // Given
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/loadtest/configmaps")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("configmaps is forbidden: User \"ci\" cannot create")
                                .build())
                .once();

        // When / Then
        assertThatThrownBy(() -> fleet().launch(launch(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes: forbidden: cannot create configmaps in loadtest (RBAC)");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems())
                .isEmpty();
    }

    private KubernetesRunnerFleet fleet() {
        return new KubernetesRunnerFleet(client, NAMESPACE, Duration.ofMillis(20), Duration.ofSeconds(2));
    }
}
