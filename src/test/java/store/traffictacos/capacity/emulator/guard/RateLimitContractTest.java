package store.traffictacos.capacity.emulator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
@DisplayName("Rate limit per client IP")
class RateLimitContractTest extends BackendContract {
    private static final String STATUS = "/api/v1/queue/status?token=t";

    @Override
    protected TargetConfig config() {
        return TargetConfig.defaults().withRateLimit(new RateLimit(2, 3));
    }

    @Test
    @DisplayName("every /api/v1 response carries X-RateLimit-Limit, -Remaining, -Reset and -Window")
    void headersOnEveryResponse() {
        // When
        long fullAgainMs = api.clock.millis() + 500;
        Reply reply = api.get(STATUS);

        // Then: 3 in the bucket, one taken, full again in 0.5 s
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(reply.header("X-RateLimit-Reset")).isEqualTo(Long.toString((fullAgainMs + 999) / 1000));
        assertThat(reply.header("X-RateLimit-Window")).isEqualTo("1s");
        assertThat(reply.header("Retry-After")).isNull();
    }

    @Test
    @DisplayName("past the burst the client gets 429 RATE_LIMITED with Retry-After and remaining 0")
    void burstExhausted() {
        // Given the burst of 3 used up
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(STATUS).status()).isEqualTo(404);
        }

        // When
        Reply reply = api.get(STATUS);

        // Then
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("the limit runs before the idempotency check")
    void limitBeforeIdempotency() {
        // Given
        for (int i = 0; i < 3; i++) {
            api.get(STATUS);
        }

        // When a POST without Idempotency-Key arrives
        Reply reply = api.post("/api/v1/queue/join", "{}", "Idempotency-Key", "");

        // Then the rate limit answers, not the missing key
        assertThat(reply.status()).isEqualTo(429);
    }

    @Test
    @DisplayName("buckets are per client: the first X-Forwarded-For entry, else X-Real-IP")
    void perClient() {
        // Given the peer's bucket is empty
        for (int i = 0; i < 3; i++) {
            api.get(STATUS);
        }

        // Then other clients still pass
        assertThat(api.get(STATUS, "X-Forwarded-For", "10.1.1.1, 10.9.9.9").status())
                .isEqualTo(404);
        assertThat(api.get(STATUS, "X-Real-IP", "10.2.2.2").status()).isEqualTo(404);
        assertThat(api.get(STATUS).status()).isEqualTo(429);
    }

    @Test
    @DisplayName("a limit keyed by peer ignores X-Forwarded-For and X-Real-IP")
    void keyedByPeer() {
        // Given a target that keys its limit on the peer alone, and the peer's bucket empty
        restartWith(TargetConfig.defaults().withRateLimit(new RateLimit(2, 3, false)));
        for (int i = 0; i < 3; i++) {
            api.get(STATUS, "X-Forwarded-For", "10.1.1." + i);
        }

        // When other addresses are named in the headers
        Reply forwarded = api.get(STATUS, "X-Forwarded-For", "10.3.3.3");
        Reply realIp = api.get(STATUS, "X-Real-IP", "10.4.4.4");

        // Then they share the peer's empty bucket
        assertThat(forwarded.status()).isEqualTo(429);
        assertThat(realIp.status()).isEqualTo(429);
    }

    @Test
    @DisplayName("the bucket refills at the configured rate")
    void refills() {
        // Given
        for (int i = 0; i < 3; i++) {
            api.get(STATUS);
        }
        assertThat(api.get(STATUS).status()).isEqualTo(429);

        // When half a second passes: one token at 2 per second
        api.clock.advance(Duration.ofMillis(500));

        // Then exactly one more request passes
        assertThat(api.get(STATUS).status()).isEqualTo(404);
        assertThat(api.get(STATUS).status()).isEqualTo(429);
    }
}
