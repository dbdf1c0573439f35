package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.NAMESPACE;
import static store.traffictacos.capacity.platform.kubernetes.KubernetesFixtures.status;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubernetesSecretPassword")
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSecretPasswordTest {
    private static final String SECRET = "s3cr3t-Pa55-do-not-leak";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesClient readingClient;

    /** Secret tacos-app/redis-auth holds the password under key {@code password}. */
    @BeforeEach
    void givenSecret() {
        readingClient = KubernetesFixtures.samplingClient(server);
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("redis-auth")
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .addToData(
                                "password", Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)))
                        .build())
                .create();
    }

    @AfterEach
    void closeClient() {
        readingClient.close();
    }

    @Test
    @DisplayName("reads and decodes the value of the key")
    void reads() {
        // Given
        KubernetesSecretPassword password = new KubernetesSecretPassword(NAMESPACE, "redis-auth", "password");

        // When
        String value = password.readWith(readingClient);

        // Then
        assertThat(value).isEqualTo(SECRET);
    }

    @Test
    @DisplayName(
            "a missing key is a one-line IllegalArgumentException naming secret and key, without the secret's data")
    void missingKey() {
        // Given
        KubernetesSecretPassword password = new KubernetesSecretPassword(NAMESPACE, "redis-auth", "redis-password");

        // When / Then
        assertThatThrownBy(() -> password.readWith(readingClient))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes secret tacos-app/redis-auth has no key redis-password")
                .hasNoCause();
    }

    @Test
    @DisplayName("a missing secret is a one-line IllegalArgumentException naming it")
    void missingSecret() {
        // Given
        KubernetesSecretPassword password = new KubernetesSecretPassword(NAMESPACE, "redis-auth-typo", "password");

        // When / Then
        assertThatThrownBy(() -> password.readWith(readingClient))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetes secret tacos-app/redis-auth-typo not found");
    }

    @Test
    @DisplayName("a secret it may not read is a one-line IllegalStateException with the status")
    void forbidden() {
        // Given
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/tacos-app/secrets/redis-auth")
                .andReturn(403, status(403, "Forbidden", "secrets \"redis-auth\" is forbidden"))
                .always();
        KubernetesSecretPassword password = new KubernetesSecretPassword(NAMESPACE, "redis-auth", "password");

        // When / Then
        assertThatThrownBy(() -> password.readWith(readingClient))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("kubernetes secret tacos-app/redis-auth unreadable: HTTP 403")
                .hasNoCause();
    }

    @Test
    @DisplayName("shows the reference, never the value")
    void showsReferenceOnly() {
        // Given a password that has been read
        KubernetesSecretPassword password = new KubernetesSecretPassword(NAMESPACE, "redis-auth", "password");
        password.readWith(readingClient);

        // When
        String shown = password.toString();

        // Then
        assertThat(shown).contains("tacos-app", "redis-auth", "password").doesNotContain(SECRET);
    }
}
