package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("StartSignal")
class StartSignalTest {

    private static final String NAMESPACE = "loadtest";
    private static final String CONFIG_MAP = "tacos-run-smoke";

    KubernetesClient client;

    @Test
    @DisplayName("returns the published start instant")
    void published() throws InterruptedException {
        // Given
        configMap(Map.of("runner.properties", "profile=smoke\n", "startAt", "1767225600000"));

        // When
        Instant startAt = signal().await(Duration.ofSeconds(5));

        // Then
        assertThat(startAt).isEqualTo(Instant.ofEpochMilli(1_767_225_600_000L));
    }

    @Test
    @DisplayName("gives up after the timeout with a one-line error naming the ConfigMap")
    void timesOut() {
        // Given a run whose start was never published
        configMap(Map.of("runner.properties", "profile=smoke\n"));

        // When / Then
        assertThatThrownBy(() -> signal().await(Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("start signal: no startAt in configmap loadtest/tacos-run-smoke after 0.3s");
    }

    @Test
    @DisplayName("refuses a start instant that is not epoch milliseconds")
    void notANumber() {
        // Given
        configMap(Map.of("startAt", "tomorrow"));

        // When / Then
        assertThatThrownBy(() -> signal().await(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "start signal: startAt 'tomorrow' in configmap loadtest/tacos-run-smoke is not epoch milliseconds");
    }

    @Test
    @DisplayName("names the environment variable the pod lacks")
    void fromEnvironment() {
        assertThatThrownBy(() -> StartSignal.fromEnvironment(client, Map.of("RUN_ID", "smoke")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("start signal: environment variable TACOS_NAMESPACE is not set");
    }

    private StartSignal signal() {
        return new StartSignal(client, NAMESPACE, CONFIG_MAP, Duration.ofMillis(20));
    }

    private void configMap(Map<String, String> data) {
        client.configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(CONFIG_MAP)
                        .endMetadata()
                        .withData(data)
                        .build())
                .create();
    }
}
