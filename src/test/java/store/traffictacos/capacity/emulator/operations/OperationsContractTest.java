package store.traffictacos.capacity.emulator.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.BackendContract;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetFixture;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;
import store.traffictacos.capacity.emulator.guard.RateLimit;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@DisplayName("Health, metrics and admin routes")
class OperationsContractTest extends BackendContract {
    private static final String JOIN_REQUESTS =
            "tacos_http_requests_total{method=\"POST\",route=\"/api/v1/queue/join\",status=\"202\"} 2.0";

    @Test
    @DisplayName("every response carries a Date header, as an origin server must")
    void dateHeader() {
        // When
        TargetFixture.Reply reply = api.get("/healthz");

        // Then
        assertThat(java.time.ZonedDateTime.parse(
                        reply.header("Date"), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
                .isNotNull();
    }

    @Test
    @DisplayName("/healthz answers 200 with status healthy, the current timestamp and service gateway-api")
    void healthz() {
        // When
        Reply reply = api.get("/healthz");

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.text("status")).isEqualTo("healthy");
        assertThat(Instant.parse(reply.text("timestamp"))).isEqualTo(api.clock.instant());
        assertThat(reply.text("service")).isEqualTo("gateway-api");
    }

    @Test
    @DisplayName("/readyz answers 200 with status ready")
    void readyz() {
        // When
        Reply reply = api.get("/readyz");

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("ready");
    }

    @Test
    @DisplayName("/metrics is Prometheus text counting requests per method, route and status")
    void metricsCountRequests() {
        // Given
        api.join("evt_1");
        api.join("evt_1");

        // When / Then (a request is counted just after its response is written, hence the short wait)
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            Reply reply = api.get("/metrics");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/plain");
            assertThat(reply.raw().body()).contains("# TYPE tacos_http_requests_total counter");
            assertThat(lines(reply)).contains(JOIN_REQUESTS);
        });
    }

    @Test
    @DisplayName("/metrics has a latency histogram per route")
    void metricsLatencyHistogram() {
        // Given
        api.join("evt_1");
        api.join("evt_1");

        // When / Then
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(lines(api.get("/metrics")))
                        .contains(
                                "tacos_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/queue/join\","
                                        + "status=\"202\",le=\"+Inf\"} 2")
                        .anyMatch(line -> line.startsWith("tacos_http_request_duration_seconds_bucket{method=\"POST\","
                                + "route=\"/api/v1/queue/join\",status=\"202\",le=\"0.001\"}")));
    }

    @Test
    @DisplayName("/metrics reports waiting users per event")
    void metricsWaitingUsers() {
        // Given
        api.join("evt_1");
        api.join("evt_1");
        api.join("evt_2");

        // When
        List<String> lines = lines(api.get("/metrics"));

        // Then
        assertThat(lines)
                .contains("tacos_waiting_users{event_id=\"evt_1\"} 2.0", "tacos_waiting_users{event_id=\"evt_2\"} 1.0");
    }

    @Test
    @DisplayName("/metrics reports held seats after a hold and sold seats after its confirm")
    void metricsSeats() {
        // Given a hold of two seats
        String id = api.post("/api/v1/reservations", Map.of("event_id", "evt_1", "quantity", 2))
                .text("reservation_id");

        // Then
        assertThat(lines(api.get("/metrics")))
                .contains("tacos_seats_held{event_id=\"evt_1\"} 2.0", "tacos_seats_sold{event_id=\"evt_1\"} 0.0");

        // When it is paid and confirmed
        String intent = api.post(
                        "/api/v1/payment/intent", Map.of("reservation_id", id, "amount", 1000, "currency", "KRW"))
                .text("payment_intent_id");
        api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"));
        assertThat(api.post("/api/v1/reservations/" + id + "/confirm", Map.of("payment_intent_id", intent))
                        .status())
                .isEqualTo(200);

        // Then
        assertThat(lines(api.get("/metrics")))
                .contains("tacos_seats_held{event_id=\"evt_1\"} 0.0", "tacos_seats_sold{event_id=\"evt_1\"} 2.0");
    }

    @Test
    @DisplayName("/metrics stops counting the seats of a hold once it expires")
    void metricsSeatsOfExpiredHold() {
        // Given
        api.post("/api/v1/reservations", Map.of("event_id", "evt_1", "quantity", 3));
        assertThat(lines(api.get("/metrics"))).contains("tacos_seats_held{event_id=\"evt_1\"} 3.0");

        // When
        api.clock.advance(Duration.ofSeconds(61));

        // Then
        assertThat(lines(api.get("/metrics")))
                .contains("tacos_seats_held{event_id=\"evt_1\"} 0.0", "tacos_seats_sold{event_id=\"evt_1\"} 0.0");
    }

    @Test
    @DisplayName("flush-test-data answers 200 with success, total_deleted_keys, deleted_by_pattern and message")
    void flushAnswers() {
        // Given some queue and idempotency state
        api.join("evt_1");

        // When
        Reply reply = api.post("/api/v1/admin/flush-test-data", "");

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        JsonNode byPattern = reply.json().path("deleted_by_pattern");
        assertThat(byPattern.isObject()).isTrue();
        assertThat(byPattern.size()).isPositive();
        long sum = 0;
        for (JsonNode count : byPattern) {
            assertThat(count.isIntegralNumber()).isTrue();
            sum += count.asLong();
        }
        assertThat(reply.json().path("total_deleted_keys").isIntegralNumber()).isTrue();
        assertThat(reply.json().path("total_deleted_keys").asLong())
                .isEqualTo(sum)
                .isPositive();
        assertThat(reply.text("message")).isNotBlank();
    }

    @Test
    @DisplayName("after flush-test-data a waiting token answers 404 while reservations survive")
    void flushDeletesQueueKeepsReservations() {
        // Given a waiting user and a reservation
        String token = api.join("evt_1");
        String id = api.post("/api/v1/reservations", Map.of("event_id", "evt_1", "seat_ids", List.of("S1")))
                .text("reservation_id");

        // When
        api.post("/api/v1/admin/flush-test-data", "");

        // Then
        assertThat(api.status(token).status()).isEqualTo(404);
        Reply reservation = api.get("/api/v1/reservations/" + id);
        assertThat(reservation.status()).isEqualTo(200);
        assertThat(reservation.text("status")).isEqualTo("HOLD");
    }

    @Test
    @DisplayName("after flush-test-data an Idempotency-Key may be reused with another body")
    void flushForgetsIdempotencyRecords() {
        // Given a key already used for one body, which conflicts with another body
        String key = "5b0e3a4c-2f1d-4c8e-9b7a-6d5c4b3a2f10";
        assertThat(api.post("/api/v1/queue/join", Map.of("event_id", "evt_1"), "Idempotency-Key", key)
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/v1/queue/join", Map.of("event_id", "evt_2"), "Idempotency-Key", key)
                        .errorCode())
                .isEqualTo("IDEMPOTENCY_CONFLICT");

        // When
        api.post("/api/v1/admin/flush-test-data", "");

        // Then
        Reply reply = api.post("/api/v1/queue/join", Map.of("event_id", "evt_2"), "Idempotency-Key", key);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("X-Idempotency-Cached")).isNull();
    }

    @Test
    @DisplayName("after flush-test-data a rate-limited client may send again")
    void flushForgetsRateLimits() {
        // Given a client that used up a limit of 1 request per second, burst 1
        restartWith(TargetConfig.defaults().withRateLimit(new RateLimit(1, 1)));
        api.get("/api/v1/queue/status?token=t");
        assertThat(api.get("/api/v1/queue/status?token=t").errorCode()).isEqualTo("RATE_LIMITED");

        // When, with the clock standing still
        api.post("/api/v1/admin/flush-test-data", "");

        // Then
        Reply reply = api.get("/api/v1/queue/status?token=t");
        assertThat(reply.status()).isNotEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    @DisplayName("stats answers 200 with success, info and key_count")
    void stats() {
        // Given
        api.join("evt_1");

        // When
        Reply reply = api.get("/api/v1/admin/stats");

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        assertThat(reply.json().path("info").isObject()).isTrue();
        assertThat(reply.json().path("info").size()).isPositive();
        JsonNode keyCount = reply.json().path("key_count");
        assertThat(keyCount.isObject()).isTrue();
        assertThat(keyCount.size()).isPositive();
        keyCount.forEach(count -> assertThat(count.isIntegralNumber()).isTrue());
    }

    @Test
    @DisplayName("health routes are not rate limited and carry no X-RateLimit headers")
    void healthNotRateLimited() {
        // Given a limit of 1 request per second, burst 1, that the API routes do feel
        restartWith(TargetConfig.defaults().withRateLimit(new RateLimit(1, 1)));
        api.get("/api/v1/queue/status?token=t");
        assertThat(api.get("/api/v1/queue/status?token=t").errorCode()).isEqualTo("RATE_LIMITED");

        for (int i = 0; i < 5; i++) {
            // When
            Reply healthz = api.get("/healthz");
            Reply readyz = api.get("/readyz");

            // Then
            assertThat(healthz.status()).as("/healthz #%d", i + 1).isEqualTo(200);
            assertThat(readyz.status()).as("/readyz #%d", i + 1).isEqualTo(200);
            assertThat(healthz.raw().headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("x-ratelimit"));
            assertThat(healthz.header("Retry-After")).isNull();
        }
    }

    private static List<String> lines(Reply reply) {
        return reply.raw().body().lines().toList();
    }
}
