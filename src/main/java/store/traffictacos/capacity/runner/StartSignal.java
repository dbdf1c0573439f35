package store.traffictacos.capacity.runner;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's wait for the common start instant: polls the run's ConfigMap through the API
 * until the controller has added {@link RunnerContract#START_AT_KEY}. The runners' service
 * account needs {@code get} on ConfigMaps in the load-test namespace.
 */
public final class StartSignal {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final KubernetesClient client;
    private final String namespace;
    private final String configMapName;
    private final Duration pollInterval;

    public StartSignal(KubernetesClient client, String namespace, String configMapName, Duration pollInterval) {
        this.client = client;
        this.namespace = namespace;
        this.configMapName = configMapName;
        this.pollInterval = pollInterval;
    }

    /** Waits in a runner pod: its own service account, the run its environment names. */
    static Instant awaitInThisPod(Duration timeout) throws InterruptedException {
        try (KubernetesClient client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().build()) {
            return fromEnvironment(client, System.getenv()).await(timeout);
        }
    }

    /** The signal of the run this pod belongs to, as its environment ({@link RunnerContract}) names it. */
    public static StartSignal fromEnvironment(KubernetesClient client, Map<String, String> env) {
        return new StartSignal(
                client,
                required(env, RunnerContract.ENV_NAMESPACE),
                RunnerContract.resourceName(required(env, RunnerContract.ENV_RUN_ID)),
                POLL_INTERVAL);
    }

    /**
     * The start instant, as soon as it is published.
     *
     * @throws IllegalStateException one line, when none is published within {@code timeout} or it is not a number
     */
    public Instant await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastError = null;
        while (true) {
            try {
                String startAt = startAtOrNull();
                if (startAt != null) {
                    return parse(startAt);
                }
            } catch (KubernetesClientException e) {
                // A passing API error must not end a run that may still be started; retry until the deadline.
                lastError = e.getCode() + " " + firstLine(e.getMessage());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("start signal: no " + RunnerContract.START_AT_KEY + " in configmap "
                        + namespace + "/" + configMapName + " after " + words(timeout)
                        + (lastError == null ? "" : " (last error: " + lastError + ")"));
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private String startAtOrNull() {
        ConfigMap configMap = client.configMaps()
                .inNamespace(namespace)
                .withName(configMapName)
                .get();
        return configMap == null || configMap.getData() == null
                ? null
                : configMap.getData().get(RunnerContract.START_AT_KEY);
    }

    private Instant parse(String startAt) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(startAt.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("start signal: " + RunnerContract.START_AT_KEY + " '" + startAt
                    + "' in configmap " + namespace + "/" + configMapName + " is not epoch milliseconds");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("start signal: environment variable " + name + " is not set");
        }
        return value;
    }

    /** "15m", "1m30s", "0.3s": the ISO form without its "PT". */
    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
