package store.traffictacos.capacity.emulator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.BackendContract;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@DisplayName("JWT auth on the reservation and payment routes")
class AuthContractTest extends BackendContract {
    private static final String RESERVATIONS = "/api/v1/reservations";
    private static final Map<String, Object> HOLD = Map.of("event_id", "evt_1", "seat_ids", List.of("S1"));

    @Test
    @DisplayName("a valid HS256 JWT is accepted and its sub is the reservation's user")
    void validJwt() {
        // When
        Reply reply = api.post(RESERVATIONS, HOLD, api.as("alice"));

        // Then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("user_id")).isEqualTo("alice");
    }

    @Test
    @DisplayName("no Authorization header answers 401 MISSING_AUTHORIZATION")
    void missingAuthorization() throws Exception {
        // When a hold is sent with an Idempotency-Key but no Authorization at all
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.target.baseUrl() + RESERVATIONS))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(HOLD)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new ObjectMapper()
                        .readTree(response.body())
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("MISSING_AUTHORIZATION");
    }

    @Test
    @DisplayName("an Authorization that is not Bearer answers 401 INVALID_TOKEN_FORMAT")
    void notBearer() {
        // When
        Reply reply = api.post(RESERVATIONS, HOLD, "Authorization", "Basic abc");

        // Then
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN_FORMAT");
    }

    @Test
    @DisplayName("Bearer with an empty token answers 401 MISSING_TOKEN")
    void emptyBearer() {
        // When
        Reply reply = api.post(RESERVATIONS, HOLD, "Authorization", "Bearer");

        // Then
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("MISSING_TOKEN");
    }

    @Test
    @DisplayName("a JWT signed with another secret answers 401 INVALID_TOKEN")
    void wrongSecret() {
        // Given
        String token = JWT.create()
                .withSubject("alice")
                .withExpiresAt(inOneHour())
                .sign(Algorithm.HMAC256("not-" + TargetConfig.DEFAULT_JWT_SECRET));

        // When
        Reply reply = api.post(RESERVATIONS, HOLD, "Authorization", "Bearer " + token);

        // Then
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    @DisplayName("an expired JWT answers 401 INVALID_TOKEN")
    void expiredJwt() {
        // Given a token that expired a minute ago on the target's clock
        String token = JWT.create()
                .withSubject("alice")
                .withExpiresAt(Instant.ofEpochMilli(api.clock.millis()).minusSeconds(60))
                .sign(Algorithm.HMAC256(TargetConfig.DEFAULT_JWT_SECRET));

        // When
        Reply reply = api.post(RESERVATIONS, HOLD, "Authorization", "Bearer " + token);

        // Then
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    @DisplayName("a JWT is judged by the target's clock: valid before exp, 401 INVALID_TOKEN after it")
    void jwtExpiresWithTheClock() {
        // Given a token valid for 10 s
        String token = JWT.create()
                .withSubject("alice")
                .withExpiresAt(Instant.ofEpochMilli(api.clock.millis()).plusSeconds(10))
                .sign(Algorithm.HMAC256(TargetConfig.DEFAULT_JWT_SECRET));
        assertThat(api.get(RESERVATIONS + "/unknown", "Authorization", "Bearer " + token)
                        .status())
                .isEqualTo(404);

        // When
        api.clock.advance(Duration.ofSeconds(11));

        // Then
        assertThat(api.get(RESERVATIONS + "/unknown", "Authorization", "Bearer " + token)
                        .errorCode())
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    @DisplayName("a JWT without sub or without exp answers 401 INVALID_TOKEN")
    void jwtWithoutRequiredClaims() {
        // Given
        Algorithm key = Algorithm.HMAC256(TargetConfig.DEFAULT_JWT_SECRET);
        String noSubject = JWT.create().withExpiresAt(inOneHour()).sign(key);
        String noExpiry = JWT.create().withSubject("alice").sign(key);

        // When / Then
        assertThat(api.post(RESERVATIONS, HOLD, "Authorization", "Bearer " + noSubject)
                        .errorCode())
                .isEqualTo("INVALID_TOKEN");
        assertThat(api.post(RESERVATIONS, HOLD, "Authorization", "Bearer " + noExpiry)
                        .errorCode())
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    @DisplayName("the bypass token without X-Load-Test: true answers 401 INVALID_TOKEN")
    void bypassNeedsLoadTestHeader() {
        // When
        Reply without = api.post(RESERVATIONS, HOLD, "Authorization", "Bearer load-test-bypass-token");
        Reply falseHeader =
                api.post(RESERVATIONS, HOLD, "Authorization", "Bearer load-test-bypass-token", "X-Load-Test", "false");

        // Then
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(falseHeader.status()).isEqualTo(401);
        assertThat(falseHeader.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    @DisplayName("the bypass token with X-Load-Test: true is accepted, as X-User-Id when given")
    void bypassAccepted() {
        // When
        Reply reply = api.post(RESERVATIONS, HOLD, "X-User-Id", "vu-42");

        // Then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("user_id")).isEqualTo("vu-42");
    }

    @Test
    @DisplayName("the payment routes also answer 401 without valid credentials")
    void paymentRoutesNeedAuth() {
        // When
        Reply intent = api.post(
                "/api/v1/payment/intent",
                Map.of("reservation_id", "r1", "amount", 1000, "currency", "KRW"),
                "Authorization",
                "Basic abc");
        Reply status = api.get("/api/v1/payment/p1/status", "Authorization", "Bearer not.a.jwt");

        // Then
        assertThat(intent.status()).isEqualTo(401);
        assertThat(intent.errorCode()).isEqualTo("INVALID_TOKEN_FORMAT");
        assertThat(status.status()).isEqualTo(401);
        assertThat(status.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    private Instant inOneHour() {
        return Instant.ofEpochMilli(api.clock.millis()).plusSeconds(3600);
    }
}
