package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore.Claim;
import store.traffictacos.capacity.emulator.guard.StoredResponse;

class RedisIdempotencyStoreTest {
    private static final long TTL = 300_000;

    private RedisStores stores;
    private IdempotencyStore idempotency;
    private String key;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        RedisTestSupport.flushedClient(uri).close();
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
        idempotency = stores.state().idempotency();
        key = UUID.randomUUID().toString();
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    @DisplayName("the first claim of a key may run the request")
    void firstClaim() {
        assertThat(idempotency.claim(key, "POST /a {}", T0, TTL)).isEqualTo(new Claim.Claimed());
    }

    @Test
    @DisplayName("the same request while the first still runs is in progress")
    void inProgress() {
        // Given a claimed key
        idempotency.claim(key, "POST /a {}", T0, TTL);

        // When the same request comes again
        // Then it is in progress
        assertThat(idempotency.claim(key, "POST /a {}", T0 + 1, TTL)).isEqualTo(new Claim.InProgress());
    }

    @Test
    @DisplayName("a different request with a running key conflicts")
    void conflictWhileRunning() {
        idempotency.claim(key, "POST /a {}", T0, TTL);

        assertThat(idempotency.claim(key, "POST /a {\"x\":1}", T0 + 1, TTL)).isEqualTo(new Claim.Conflict());
    }

    @Test
    @DisplayName("a completed key replays the stored response byte for byte")
    void replay() {
        // Given a completed request with a binary body
        byte[] body = {0, (byte) 0xff, '{', '}', (byte) 0x80, '\r', '\n'};
        idempotency.claim(key, "POST /a {}", T0, TTL);
        idempotency.complete(key, "POST /a {}", new StoredResponse(201, "application/json", body), T0 + 5, TTL);

        // When the same request comes again
        Claim claim = idempotency.claim(key, "POST /a {}", T0 + 10, TTL);

        // Then the stored response is replayed
        assertThat(claim).isInstanceOf(Claim.Replay.class);
        StoredResponse replayed = ((Claim.Replay) claim).response();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.contentType()).isEqualTo("application/json");
        assertThat(replayed.body()).isEqualTo(body);
    }

    @Test
    @DisplayName("a completed key with a different request conflicts")
    void conflictAfterCompletion() {
        idempotency.claim(key, "POST /a {}", T0, TTL);
        idempotency.complete(key, "POST /a {}", new StoredResponse(200, "application/json", new byte[0]), T0, TTL);

        assertThat(idempotency.claim(key, "POST /b {}", T0 + 1, TTL)).isEqualTo(new Claim.Conflict());
    }

    @Test
    @DisplayName("a released key (request failed) may run again")
    void release() {
        // Given a claim that is released
        idempotency.claim(key, "POST /a {}", T0, TTL);
        idempotency.release(key);

        // When / Then the key can be claimed again
        assertThat(idempotency.claim(key, "POST /a {}", T0 + 1, TTL)).isEqualTo(new Claim.Claimed());
    }

    @Test
    @DisplayName("records expire ttl after the claim: the key may run again")
    void recordsExpire() {
        // Given a completed key
        idempotency.claim(key, "POST /a {}", T0, TTL);
        idempotency.complete(key, "POST /a {}", new StoredResponse(200, null, new byte[] {1}), T0 + 1_000, TTL);
        assertThat(idempotency.claim(key, "POST /a {}", T0 + TTL - 1, TTL)).isInstanceOf(Claim.Replay.class);

        // When the TTL since the claim has passed
        // Then it is claimable again, even with another request
        assertThat(idempotency.claim(key, "POST /b {}", T0 + TTL, TTL)).isEqualTo(new Claim.Claimed());
    }

    @Test
    @DisplayName("a stale in-flight claim expires too")
    void claimsExpire() {
        idempotency.claim(key, "POST /a {}", T0, TTL);

        assertThat(idempotency.claim(key, "POST /a {}", T0 + TTL, TTL)).isEqualTo(new Claim.Claimed());
    }

    @Test
    @DisplayName("a null content type is kept as null")
    void nullContentType() {
        idempotency.claim(key, "f", T0, TTL);
        idempotency.complete(key, "f", new StoredResponse(204, null, new byte[0]), T0, TTL);

        Claim claim = idempotency.claim(key, "f", T0 + 1, TTL);
        assertThat(((Claim.Replay) claim).response().contentType()).isNull();
        assertThat(((Claim.Replay) claim).response().body()).isEmpty();
    }
}
