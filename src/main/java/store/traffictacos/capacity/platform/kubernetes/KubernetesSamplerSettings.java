package store.traffictacos.capacity.platform.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link KubernetesSampler} reads.
 *
 * @param namespace   the application namespace
 * @param deployments the Deployments whose replicas and pods are sampled; one that does not exist is
 *                    reported in the sampler's reason
 * @param hpas        the HorizontalPodAutoscalers (autoscaling/v2) sampled; one that does not exist is
 *                    skipped, since not every Deployment autoscales
 * @param timeout     connect and request timeout of a client made by {@link KubernetesSampler#fromEnvironment}
 */
public record KubernetesSamplerSettings(
        String namespace, List<String> deployments, List<String> hpas, Duration timeout) {
    public static final String DEFAULT_NAMESPACE = "tacos-app";
    public static final List<String> DEFAULT_DEPLOYMENTS =
            List.of("gateway-api", "reservation-api", "inventory-api", "payment-sim-api", "reservation-worker");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Null means the default; null {@code hpas} means one HPA per Deployment, of the same name. */
    public KubernetesSamplerSettings {
        namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        deployments = deployments == null ? DEFAULT_DEPLOYMENTS : names("deployments", deployments);
        hpas = hpas == null ? deployments : names("hpas", hpas);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** {@code tacos-app}, its five Deployments, an HPA of each one's name, a 5 s timeout. */
    public static KubernetesSamplerSettings defaults() {
        return new KubernetesSamplerSettings(null, null, null, null);
    }

    private static List<String> names(String what, List<String> names) {
        List<String> copy = List.copyOf(names);
        if (copy.stream().anyMatch(name -> Objects.requireNonNull(name, what).isBlank())) {
            throw new IllegalArgumentException(what + " must not contain a blank name: " + copy);
        }
        return copy;
    }
}
