package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/** A failed API call, as one line naming what was attempted where; fabric8's own message spans lines. */
final class ApiCallException extends RuntimeException {
    private final int code;

    private ApiCallException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /**
     * @param verb      what was attempted, e.g. {@code patch}
     * @param plural    the resource, e.g. {@code horizontalpodautoscalers}
     * @param namespace where, or null for every namespace
     */
    static ApiCallException of(KubernetesClientException e, String verb, String plural, String namespace) {
        String where = namespace == null ? "in any namespace" : "in " + namespace;
        if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
            return new ApiCallException(
                    "forbidden: cannot " + verb + " " + plural + " " + where + " (RBAC)", e.getCode(), e);
        }
        String status = e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "";
        return new ApiCallException(
                "cannot " + verb + " " + plural + " " + where + ": " + status + reason(e), e.getCode(), e);
    }

    /** The object changed between our read and our write. */
    boolean isConflict() {
        return code == HttpURLConnection.HTTP_CONFLICT;
    }

    private static String reason(KubernetesClientException e) {
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getCause() != null ? e.getCause().toString() : e.getMessage();
        return reason.lines().findFirst().orElse("");
    }
}
