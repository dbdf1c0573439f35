package store.traffictacos.capacity.emulator;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

/**
 * The store backends every contract test runs against. Redis needs a real redis-server whose URI
 * is in system property {@code tacos.test.redis} (set from env TACOS_TEST_REDIS; `.ci/run` starts
 * one); without it the Redis runs are skipped, not passed, except under CI where they must run.
 */
public enum Backend {
    MEMORY,
    REDIS;

    /** The config for this backend, with Redis emptied first so every test starts clean. */
    public TargetConfig configure(TargetConfig config) {
        if (this == MEMORY) {
            return config;
        }
        String uri = System.getProperty("tacos.test.redis", "");
        boolean configured = !uri.isBlank() && !uri.startsWith("${");
        if (!configured && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the Redis contract suite: TACOS_TEST_REDIS is not set");
        }
        Assumptions.assumeTrue(
                configured, "set TACOS_TEST_REDIS=redis://127.0.0.1:6379/15 to run the Redis contract suite");
        URI redis = URI.create(uri);
        try (Jedis jedis = new Jedis(redis)) {
            jedis.flushDB();
        }
        return config.withRedis(redis);
    }
}
