package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The API calls of one sample. A refused call (403, 404, 5xx) becomes a one-line problem and an
 * empty result, so the other kinds are still read; a call that got no HTTP answer for a network
 * failure or timeout throws {@link ApiServerUnreachable}, since every further call would only wait
 * for the same failure.
 */
final class ListCalls {
    private final List<String> problems = new ArrayList<>();

    /**
     * The result, or empty with the problem noted, e.g.
     * {@code kubernetes: forbidden to list pods in tacos-app (403)}.
     */
    <T> Optional<T> list(String resource, String namespace, Supplier<T> call) {
        return run(call, failure -> Optional.of(refused(resource, namespace, failure)));
    }

    /** As {@link #list}, for an API that is only there when its add-on is installed: 404 is empty, no problem. */
    <T> Optional<T> listIfInstalled(String resource, Supplier<T> call) {
        return run(
                call,
                failure -> failure.getCode() == HttpURLConnection.HTTP_NOT_FOUND
                        ? Optional.empty()
                        : Optional.of(refused(resource, null, failure)));
    }

    /**
     * As {@link #list}, for {@code metrics.k8s.io}: without metrics-server the group is missing (404)
     * or its APIService is registered but not answering (503).
     */
    <T> Optional<T> listMetrics(String namespace, Supplier<T> call) {
        return run(call, failure -> {
            int code = failure.getCode();
            if (code == HttpURLConnection.HTTP_NOT_FOUND || code == HttpURLConnection.HTTP_UNAVAILABLE) {
                return Optional.of("kubernetes: metrics.k8s.io unavailable (no metrics-server?): " + code);
            }
            return Optional.of(refused("pods.metrics.k8s.io", namespace, failure));
        });
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private <T> Optional<T> run(Supplier<T> call, Function<KubernetesClientException, Optional<String>> explain) {
        try {
            return Optional.ofNullable(call.get());
        } catch (KubernetesClientException failure) {
            if (!answered(failure) && FailureReasons.isNetwork(failure)) {
                throw new ApiServerUnreachable(failure);
            }
            explain.apply(failure).ifPresent(problems::add);
            return Optional.empty();
        }
    }

    /** The client gives an HTTP status as the code, else -1 (no answer, or one it could not read). */
    private static boolean answered(KubernetesClientException failure) {
        return failure.getCode() >= 100;
    }

    private static String refused(String resource, String namespace, KubernetesClientException failure) {
        String where = namespace == null ? resource : resource + " in " + namespace;
        if (!answered(failure)) {
            return "kubernetes: cannot list " + where + ": " + FailureReasons.reason(failure);
        }
        int code = failure.getCode();
        if (code == HttpURLConnection.HTTP_FORBIDDEN) {
            return "kubernetes: forbidden to list " + where + " (403)";
        }
        String status = failure.getStatus() == null ? null : failure.getStatus().getReason();
        return "kubernetes: cannot list " + where + " (" + code + (status == null ? "" : " " + status) + ")";
    }

    /** The API server gave no answer; the cause is the client's failure. */
    static final class ApiServerUnreachable extends RuntimeException {
        ApiServerUnreachable(KubernetesClientException failure) {
            super(failure.getMessage(), failure, false, false);
        }
    }
}
