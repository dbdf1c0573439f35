package store.traffictacos.capacity.emulator.operations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.emulator.http.ApiResponse;
import store.traffictacos.capacity.emulator.http.Route;
import store.traffictacos.capacity.emulator.metrics.TargetMetrics;
import store.traffictacos.capacity.emulator.store.Stores;

/** Health, readiness, metrics and the admin routes (no auth, no rate limit). */
public final class OperationsApi {
    private final Stores stores;
    private final TargetMetrics metrics;
    private final Clock clock;

    public OperationsApi(Stores stores, TargetMetrics metrics, Clock clock) {
        this.stores = stores;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.operations(
                        "GET",
                        "/healthz",
                        (request, user) -> ApiResponse.json(
                                200,
                                Map.of(
                                        "status",
                                        "healthy",
                                        "timestamp",
                                        clock.instant().toString(),
                                        "service",
                                        "gateway-api"))),
                Route.operations("GET", "/readyz", (request, user) -> readiness()),
                Route.operations(
                        "GET",
                        "/metrics",
                        (request, user) -> ApiResponse.raw(200, metrics.scrape(), metrics.contentType())),
                Route.operations("POST", "/api/v1/admin/flush-test-data", (request, user) -> flush()),
                Route.operations("GET", "/api/v1/admin/stats", (request, user) -> stats()));
    }

    private ApiResponse readiness() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (stores.ready()) {
            answer.put("status", "ready");
            answer.put("timestamp", clock.instant().toString());
            return ApiResponse.json(200, answer);
        }
        answer.put("status", "not ready");
        answer.put("reason", "redis is not reachable");
        return ApiResponse.json(503, answer);
    }

    private ApiResponse flush() {
        Map<String, Long> deleted = stores.flushTestData();
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("total_deleted_keys", total);
        answer.put("deleted_by_pattern", deleted);
        answer.put("message", "deleted " + total + " test keys");
        return ApiResponse.json(200, answer);
    }

    private ApiResponse stats() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("info", stores.info());
        answer.put("key_count", stores.keyCounts());
        return ApiResponse.json(200, answer);
    }
}
