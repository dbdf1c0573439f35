package store.traffictacos.capacity.emulator.guard;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;

/**
 * Bearer JWT (HS256, {@code sub} and {@code exp} required) or the load-test bypass:
 * {@code Bearer load-test-bypass-token} with {@code X-Load-Test: true}; a bypassing caller is
 * {@code X-User-Id} when given, so load tests can act as many users, else {@code load-test-user}.
 */
public final class JwtAuthenticator {
    public static final String BYPASS_TOKEN = "load-test-bypass-token";
    public static final String BYPASS_USER = "load-test-user";

    private final JWTVerifier verifier;

    public JwtAuthenticator(String secret, Clock clock) {
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret))
                        .withClaimPresence("sub")
                        .withClaimPresence("exp"))
                .build(clock);
    }

    /** The caller's user id, or a 401 telling what is wrong with the credentials. */
    public String authenticate(ApiRequest request) {
        String authorization = request.header("Authorization")
                .orElseThrow(() -> unauthorized("MISSING_AUTHORIZATION", "Authorization header is required"));
        if (!authorization.regionMatches(true, 0, "Bearer", 0, 6)
                || (authorization.length() > 6 && authorization.charAt(6) != ' ')) {
            throw unauthorized("INVALID_TOKEN_FORMAT", "Authorization must be 'Bearer <token>'");
        }
        String token = authorization.substring(6).strip();
        if (token.isEmpty()) {
            throw unauthorized("MISSING_TOKEN", "bearer token is empty");
        }
        if (token.equals(BYPASS_TOKEN)
                && request.header("X-Load-Test").orElse("").equalsIgnoreCase("true")) {
            return request.header("X-User-Id").filter(id -> !id.isEmpty()).orElse(BYPASS_USER);
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            return jwt.getSubject();
        } catch (JWTVerificationException e) {
            throw unauthorized("INVALID_TOKEN", "token is invalid or expired");
        }
    }

    private static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message);
    }
}
