package store.traffictacos.capacity.controller.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.TargetConfig;

@DisplayName("The embedded target of a run that signs its tokens (auth=jwt)")
class LocalTargetJwtTest {
    private static final String RUNNERS_SECRET = "runners-own-secret";

    @Test
    @DisplayName("accepts a token signed with the runners' secret")
    void acceptsRunnersTokens() throws Exception {
        try (LocalTarget target = LocalTarget.open(null, RUNNERS_SECRET, Duration.ZERO, Set.of())) {
            assertThat(hold(target.url(), RUNNERS_SECRET)).isEqualTo(201);
        }
    }

    @Test
    @DisplayName("refuses a token signed with its default secret, which the runners do not use")
    void refusesOtherTokens() throws Exception {
        try (LocalTarget target = LocalTarget.open(null, RUNNERS_SECRET, Duration.ZERO, Set.of())) {
            assertThat(hold(target.url(), TargetConfig.DEFAULT_JWT_SECRET)).isEqualTo(401);
        }
    }

    /** Holds seat S1 of evt_1 with a token signed by {@code secret}; the answer's status. */
    private static int hold(URI target, String secret) throws Exception {
        String token = JWT.create()
                .withSubject("alice")
                .withExpiresAt(Instant.now().plusSeconds(3600))
                .sign(Algorithm.HMAC256(secret));
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/api/v1/reservations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\": \"evt_1\", \"seat_ids\": [\"S1\"]}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
