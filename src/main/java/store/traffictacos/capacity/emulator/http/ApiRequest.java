package store.traffictacos.capacity.emulator.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the API layer sees it: transport-free, so handlers and tests do not
 * depend on Netty.
 *
 * @param pathParams values of the route's {@code {name}} segments, filled in by the router
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Headers headers,
        byte[] body,
        String clientIp,
        Map<String, String> pathParams) {

    /** Header access by case-insensitive name. */
    public interface Headers {
        Optional<String> first(String name);
    }

    public Optional<String> header(String name) {
        return headers.first(name).map(String::strip);
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, query, headers, body, clientIp, params);
    }

    /** The {@code X-Request-ID} header, echoed in error envelopes as {@code trace_id}. */
    public String requestId() {
        return header("X-Request-ID").orElse("");
    }
}
