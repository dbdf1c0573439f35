package store.traffictacos.capacity.simulations.endpoints;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.Instant;
import store.traffictacos.capacity.simulations.journey.Journey;

/**
 * How journeys authenticate on reservation and payment routes: the platform's load-test bypass
 * (acting as the journey's user through X-User-Id), or a real HS256 JWT per user.
 */
public sealed interface Auth {

    HttpRequestActionBuilder apply(HttpRequestActionBuilder request);

    /** {@code Bearer load-test-bypass-token} with {@code X-Load-Test: true}. */
    record Bypass() implements Auth {
        @Override
        public HttpRequestActionBuilder apply(HttpRequestActionBuilder request) {
            return request.header("Authorization", "Bearer load-test-bypass-token")
                    .header("X-Load-Test", "true")
                    .header("X-User-Id", session -> Sessions.journey(session).userId());
        }
    }

    /** A JWT signed with the platform's secret, subject = the journey's user, valid for an hour. */
    record Jwt(String secret) implements Auth {
        @Override
        public HttpRequestActionBuilder apply(HttpRequestActionBuilder request) {
            Algorithm algorithm = Algorithm.HMAC256(secret);
            return request.header("Authorization", session -> "Bearer " + token(Sessions.journey(session), algorithm));
        }

        private static String token(Journey journey, Algorithm algorithm) {
            return JWT.create()
                    .withSubject(journey.userId())
                    .withExpiresAt(Instant.now().plus(Duration.ofHours(1)))
                    .sign(algorithm);
        }
    }
}
