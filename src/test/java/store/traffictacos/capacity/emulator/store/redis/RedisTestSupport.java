package store.traffictacos.capacity.emulator.store.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.reservation.SeatMap;
import store.traffictacos.capacity.emulator.store.StoreSettings;

/**
 * Where the Redis tests find their server: system property {@code tacos.test.redis} (surefire and
 * failsafe pass env {@code TACOS_TEST_REDIS}); unset or empty skips them. Without a database in the URI
 * they use database 14 and empty it before each test.
 */
final class RedisTestSupport {
    static final int TEST_DB = 14;
    static final long T0 = System.currentTimeMillis();

    private RedisTestSupport() {}

    static URI redisUri() {
        String configured = System.getProperty("tacos.test.redis", "");
        assumeTrue(
                configured != null && !configured.isBlank() && !configured.startsWith("${"),
                "tacos.test.redis (env TACOS_TEST_REDIS) is not set: Redis tests skipped");
        URI uri = URI.create(configured.trim());
        String path = uri.getPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            uri = uri.resolve("/" + TEST_DB);
        }
        return uri;
    }

    static StoreSettings settings() {
        return new StoreSettings(AdmissionPolicy.contract(), new RateLimit(10, 20), new SeatMap(10));
    }

    /** A raw client for the test database, emptied. */
    static UnifiedJedis flushedClient(URI uri) {
        UnifiedJedis raw = RedisClient.create(uri);
        raw.flushDB();
        return raw;
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
