package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a password (e.g. Redis's, for the INFO sampler) is kept: key {@code key} of the Secret
 * {@code namespace/name}. Only the reference is ever shown; the value appears in no message.
 */
public record KubernetesSecretPassword(String namespace, String name, String key) {
    public KubernetesSecretPassword {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    /** Reads the password with a client of its own, configured as kubectl would be, closed afterwards. */
    public String read(Duration timeout) {
        try (KubernetesClient client = KubernetesClients.fromEnvironment(timeout)) {
            return readWith(client);
        }
    }

    /**
     * The value of the key, decoded.
     *
     * @throws IllegalArgumentException naming the Secret (and key) when either does not exist
     * @throws IllegalStateException    when the Secret cannot be read (forbidden, API server unreachable)
     */
    public String readWith(KubernetesClient client) {
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            String why = e.getCode() >= 100 ? "HTTP " + e.getCode() : FailureReasons.reason(e);
            throw new IllegalStateException("kubernetes secret " + reference() + " unreadable: " + why);
        }
        if (secret == null) {
            throw new IllegalArgumentException("kubernetes secret " + reference() + " not found");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        if (encoded == null) {
            throw new IllegalArgumentException("kubernetes secret " + reference() + " has no key " + key);
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private String reference() {
        return namespace + "/" + name;
    }
}
