package store.traffictacos.capacity.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A reference target on a free port with a hand-moved clock, and a small HTTP client for it.
 * Requests carry the load-test auth bypass unless a test sets its own Authorization.
 */
public final class TargetFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public final MutableClock clock = new MutableClock();
    public final ReferenceTarget target;

    public TargetFixture(Backend backend, TargetConfig config) {
        this.target = ReferenceTarget.start(backend.configure(config.withPort(0)), clock);
    }

    public TargetFixture(Backend backend) {
        this(backend, TargetConfig.defaults());
    }

    /** A response with its body parsed when it is JSON. */
    public record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json.path("error").path("code").asText(null);
        }

        public String text(String field) {
            return json.path(field).asText(null);
        }
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    /** POST with a fresh Idempotency-Key unless {@code headers} name one. */
    public Reply post(String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!names(headers, "Idempotency-Key")) {
            builder.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return send(builder.build());
    }

    public Reply post(String path, Map<String, ?> body, String... headers) {
        try {
            return post(path, JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Joins {@code eventId} and returns the waiting token. */
    public String join(String eventId) {
        Reply reply = post("/api/v1/queue/join", Map.of("event_id", eventId));
        if (reply.status() != 202) {
            throw new IllegalStateException(
                    "join answered " + reply.status() + " " + reply.raw().body());
        }
        return reply.text("waiting_token");
    }

    public Reply status(String token) {
        return get("/api/v1/queue/status?token=" + token);
    }

    public Reply enter(String token) {
        return post("/api/v1/queue/enter", Map.of("waiting_token", token));
    }

    /** An HS256 token for {@code subject} signed with the target's secret, valid for an hour. */
    public String jwt(String subject) {
        return JWT.create()
                .withSubject(subject)
                .withExpiresAt(Instant.ofEpochMilli(clock.millis()).plusSeconds(3600))
                .sign(Algorithm.HMAC256(target.config().jwtSecret()));
    }

    /** Headers authenticating as {@code userId} with a real JWT. */
    public String[] as(String userId) {
        return new String[] {"Authorization", "Bearer " + jwt(userId)};
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (!names(headers, "Authorization")) {
            builder.header("Authorization", "Bearer load-test-bypass-token").header("X-Load-Test", "true");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static boolean names(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                            ? JSON.readTree(response.body())
                            : JSON.missingNode();
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
