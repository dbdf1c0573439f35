package store.traffictacos.capacity.controller.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.Fault;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;

@DisplayName("The target of a run on this machine")
class LocalTargetTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("the warm-up runs whole journeys within its budget and leaves no queue, idempotency record, "
            + "rate-limit bucket or held seat")
    void warmUpLeavesNothing() throws Exception {
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0))) {
            // When
            TargetWarmUp.Result warmed = TargetWarmUp.run(target.baseUrl(), Duration.ofMillis(300), 5);

            // Then every journey went through its 7 steps, and the flush came last
            assertThat(warmed.journeys()).isPositive();
            assertThat(warmed.requests()).isEqualTo(warmed.journeys() * 7 + 1);
            assertThat(warmed.took()).isLessThan(Duration.ofSeconds(5));
            JsonNode keys = get(target.baseUrl(), "/api/v1/admin/stats").path("key_count");
            assertThat(keys.path("queue:*").asLong()).isZero();
            assertThat(keys.path("idempotency:*").asLong()).isZero();
            assertThat(keys.path("ratelimit:*").asLong()).isZero();
            assertThat(metric(target.baseUrl(), "tacos_seats_held")).isZero();
        }
    }

    @Test
    @DisplayName("the embedded target answers with the faults it is opened with: oversell sells seat S1 to everyone")
    void embeddedTargetTakesFaults() throws Exception {
        try (LocalTarget target = LocalTarget.open(null, null, Duration.ZERO, Set.of(Fault.OVERSELL))) {
            // When
            String first = hold(target.url());
            String second = hold(target.url());

            // Then
            assertThat(first).isEqualTo("[\"S1\"]");
            assertThat(second).isEqualTo("[\"S1\"]");
        }
    }

    private static String hold(URI target) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(target.resolve("/api/v1/reservations"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer load-test-bypass-token")
                        .header("X-Load-Test", "true")
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\":\"evt_1\",\"quantity\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("seat_ids").toString();
    }

    @Test
    @DisplayName("a given platform is neither started nor warmed: not one request reaches it")
    void givenPlatformIsNotWarmed() throws Exception {
        // Given a platform that counts what it is sent
        AtomicInteger requests = new AtomicInteger();
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        platform.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + platform.getAddress().getPort());

            // When
            try (LocalTarget target = LocalTarget.open(url, null, Duration.ofSeconds(5), Set.of())) {
                // Then
                assertThat(target.embedded()).isFalse();
                assertThat(target.url()).isEqualTo(url);
            }
            assertThat(requests).hasValue(0);
        } finally {
            platform.stop(0);
        }
    }

    private static JsonNode get(URI base, String path) throws Exception {
        return JSON.readTree(
                HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    /** A Prometheus metric summed over its labels. */
    private static double metric(URI base, String name) throws Exception {
        String text = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
