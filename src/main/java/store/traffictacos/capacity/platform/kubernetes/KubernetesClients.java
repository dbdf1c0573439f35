package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;

/** Clients for reading the cluster while a load test runs. */
final class KubernetesClients {
    private KubernetesClients() {}

    /** Configured as kubectl would be: {@code KUBECONFIG} or {@code ~/.kube/config}, else the pod's service account. */
    static KubernetesClient fromEnvironment(Duration timeout) {
        return forSampling(Config.autoConfigure(null), timeout);
    }

    /**
     * {@code config} with {@code timeout} for connecting and for each request, and no retries: the
     * client's default retries 5xx and network failures ten times with backoff, which holds one
     * sample for well over a minute on a cluster without metrics-server or an unreachable API server;
     * the next sample is the retry.
     */
    static KubernetesClient forSampling(Config config, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setRequestTimeout(millis);
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
