package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.guard.Allowance;
import store.traffictacos.capacity.emulator.guard.RateLimitStore;
import store.traffictacos.capacity.emulator.store.memory.InMemoryStores;

/** The test limit is 10 tokens/s with a burst of 20 (see {@link RedisTestSupport#settings()}). */
class RedisRateLimitStoreTest {
    private RedisStores stores;
    private RateLimitStore limits;
    private String client;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        RedisTestSupport.flushedClient(uri).close();
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
        limits = stores.state().rateLimits();
        client = RedisTestSupport.unique("10.0.0.1");
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    @DisplayName("a client's bucket starts full: burst requests pass, counting remaining down to 0")
    void burstPasses() {
        for (int i = 1; i <= 20; i++) {
            Allowance allowance = limits.take(client, T0);
            assertThat(allowance.allowed()).isTrue();
            assertThat(allowance.remaining()).isEqualTo(20 - i);
        }
    }

    @Test
    @DisplayName("past the burst a request is denied with Retry-After >= 1")
    void deniedWhenEmpty() {
        // Given an emptied bucket
        for (int i = 0; i < 20; i++) {
            limits.take(client, T0);
        }

        // When one more request comes at the same instant
        Allowance denied = limits.take(client, T0);

        // Then it is denied; the bucket is full again 2 s later
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
        assertThat(denied.resetEpochSeconds()).isEqualTo(Math.floorDiv(T0 + 2_000 + 999, 1000));
    }

    @Test
    @DisplayName("tokens refill at the configured rate")
    void refills() {
        // Given an emptied bucket
        for (int i = 0; i < 20; i++) {
            limits.take(client, T0);
        }

        // When 100 ms pass (one token at 10/s)
        // Then exactly one more request passes
        assertThat(limits.take(client, T0 + 99).allowed()).isFalse();
        assertThat(limits.take(client, T0 + 100).allowed()).isTrue();
        assertThat(limits.take(client, T0 + 100).allowed()).isFalse();
    }

    @Test
    @DisplayName("clients have separate buckets")
    void separateBuckets() {
        for (int i = 0; i < 21; i++) {
            limits.take(client, T0);
        }

        assertThat(limits.take(client + "-other", T0).allowed()).isTrue();
    }

    @Test
    @DisplayName("the Redis bucket answers exactly as the in-memory bucket for the same requests")
    void sameAsInMemory() {
        // Given both stores and a random request sequence
        RateLimitStore memory =
                new InMemoryStores(RedisTestSupport.settings()).state().rateLimits();
        Random random = new Random(42);
        long now = T0;

        // When / Then every allowance is equal
        for (int i = 0; i < 400; i++) {
            now += random.nextInt(4) == 0 ? random.nextInt(400) : 0;
            assertThat(limits.take(client, now))
                    .as("request %d at +%d ms", i, now - T0)
                    .isEqualTo(memory.take(client, now));
        }
    }
}
