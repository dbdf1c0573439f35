package store.traffictacos.capacity.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import store.traffictacos.capacity.runner.StartSignal;

/** A runner pod's wait for its start instant: the run's ConfigMap, read with the pod's own service account. */
final class ConfigMapStart {
    private ConfigMapStart() {
    }

    static Instant await(Duration timeout) throws InterruptedException {
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            return StartSignal.fromEnvironment(client, System.getenv()).await(timeout);
        }
    }
}
