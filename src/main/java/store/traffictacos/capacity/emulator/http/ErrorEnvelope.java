package store.traffictacos.capacity.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's one error body shape. */
public final class ErrorEnvelope {
    private ErrorEnvelope() {}

    public static ApiResponse of(int status, String code, String message, String traceId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("trace_id", traceId);
        return ApiResponse.json(status, Map.of("error", error));
    }

    public static ApiResponse of(ApiException e, String traceId) {
        return of(e.status(), e.code(), e.getMessage(), traceId);
    }
}
