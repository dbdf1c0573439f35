package store.traffictacos.capacity.emulator.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.BackendContract;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@DisplayName("Idempotency-Key on POST")
class IdempotencyContractTest extends BackendContract {
    private static final String JOIN = "/api/v1/queue/join";

    @Test
    @DisplayName("a POST without Idempotency-Key answers 400 IDEMPOTENCY_REQUIRED")
    void keyRequired() {
        // When
        Reply reply = api.post(JOIN, "{\"event_id\":\"evt_1\"}", "Idempotency-Key", "");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("IDEMPOTENCY_REQUIRED");
    }

    @Test
    @DisplayName("a key that is not a UUID answers 400 INVALID_IDEMPOTENCY_KEY")
    void keyMustBeUuid() {
        // When
        Reply reply = api.post(JOIN, "{\"event_id\":\"evt_1\"}", "Idempotency-Key", "req-12345");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    @DisplayName("a replay returns the cached 2xx with X-Idempotency-Cached: true and does not run again")
    void replayIsCached() {
        // Given
        String key = UUID.randomUUID().toString();
        Reply first = api.post(JOIN, "{\"event_id\":\"evt_1\"}", "Idempotency-Key", key);

        // When
        Reply replay = api.post(JOIN, "{\"event_id\":\"evt_1\"}", "Idempotency-Key", key);

        // Then
        assertThat(first.header("X-Idempotency-Cached")).isNull();
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.header("X-Idempotency-Cached")).isEqualTo("true");
        assertThat(replay.raw().body()).isEqualTo(first.raw().body());
        // And only one user joined: the next join is second in line
        assertThat(api.status(api.join("evt_1")).json().path("position").asLong())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("the same key with a different body answers 409 IDEMPOTENCY_CONFLICT")
    void differentBodyConflicts() {
        // Given
        String key = UUID.randomUUID().toString();
        api.post(JOIN, "{\"event_id\":\"evt_1\"}", "Idempotency-Key", key);

        // When
        Reply reply = api.post(JOIN, "{\"event_id\":\"evt_2\"}", "Idempotency-Key", key);

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }

    @Test
    @DisplayName("only 2xx is cached: after an error the same key runs the corrected request")
    void errorsAreNotCached() {
        // Given a request that fails with this key
        String key = UUID.randomUUID().toString();
        assertThat(api.post(JOIN, Map.of("user_id", "u1"), "Idempotency-Key", key)
                        .status())
                .isEqualTo(400);

        // When the same key is sent with a valid body
        Reply reply = api.post(JOIN, Map.of("event_id", "evt_1"), "Idempotency-Key", key);

        // Then it runs
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("X-Idempotency-Cached")).isNull();
    }
}
