package store.traffictacos.capacity.emulator.store.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisURIHelper;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.emulator.store.StateStores;
import store.traffictacos.capacity.emulator.store.StoreSettings;
import store.traffictacos.capacity.emulator.store.Stores;
import store.traffictacos.capacity.net.ConnectionFailures;

/**
 * All of the target's state in one Redis (standalone, e.g. ElastiCache with cluster mode off:
 * the scripts touch keys they derive from ids, so they are not Redis Cluster safe). One pooled
 * client; each store call is one round trip.
 */
public final class RedisStores implements Stores {
    /** Enough connections for the target's blocking handler threads. */
    static final int POOL_SIZE = 64;

    static final int TIMEOUT_MS = 2_000;
    private static final int SCAN_BATCH = 1_000;

    /** What {@link #flushTestData()} deletes, in report order. */
    static final List<String> TEST_DATA_PATTERNS =
            List.of("queue:*", "idempotency:*", "dedupe:*", "heartbeat:*", "ratelimit:*");
    /** What {@link #keyCounts()} counts, in report order. */
    static final List<String> COUNTED_PATTERNS = List.of(
            "queue:*",
            "idempotency:*",
            "dedupe:*",
            "heartbeat:*",
            "ratelimit:*",
            "inventory:*",
            "reservation:*",
            "payment:*");

    private final URI displayUri;
    private final UnifiedJedis redis;
    private final StateStores state;

    /** Does not contact Redis yet (see {@link #connect}); {@code redisUri} may name a database, {@code /15}. */
    public RedisStores(URI redisUri, StoreSettings settings) {
        redisUri = withDefaultPort(redisUri);
        boolean redisScheme = JedisURIHelper.isRedisScheme(redisUri) || JedisURIHelper.isRedisSSLScheme(redisUri);
        if (!redisScheme || !JedisURIHelper.isValid(redisUri)) {
            throw new IllegalArgumentException(
                    "not a Redis URI (redis://host:port[/db] or rediss://...): " + Uris.redact(redisUri));
        }
        this.displayUri = Uris.redact(redisUri);
        this.redis = client(redisUri);
        this.state = new StateStores(
                new RedisWaitingRoomStore(redis, settings.admission()),
                new RedisIdempotencyStore(redis),
                new RedisRateLimitStore(redis, settings.rateLimit()),
                new RedisReservationStore(redis, settings.seats()),
                new RedisPaymentStore(redis));
    }

    /**
     * Connects and checks that Redis answers.
     *
     * @throws IllegalStateException "cannot reach Redis at redis://host:port: reason" when it does not
     */
    public static RedisStores connect(URI redisUri, StoreSettings settings) {
        RedisStores stores = new RedisStores(redisUri, settings);
        try {
            stores.redis.ping();
            return stores;
        } catch (RuntimeException e) {
            stores.close();
            throw new IllegalStateException(
                    "cannot reach Redis at " + stores.displayUri + ": " + ConnectionFailures.reason(e), e);
        }
    }

    private static UnifiedJedis client(URI uri) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MS)
                .socketTimeoutMillis(TIMEOUT_MS)
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("tacos-capacity-target");
        String password = JedisURIHelper.getPassword(uri);
        if (password != null) {
            config.user(JedisURIHelper.getUser(uri)).password(password);
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(TIMEOUT_MS));
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        return RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    @Override
    public StateStores state() {
        return state;
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public boolean ready() {
        try {
            return "PONG".equalsIgnoreCase(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Map<String, Long> flushTestData() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String pattern : TEST_DATA_PATTERNS) {
            long count = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        redis.scan(cursor, new ScanParams().match(pattern).count(SCAN_BATCH));
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    count += redis.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            deleted.put(pattern, count);
        }
        return deleted;
    }

    @Override
    public Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : redis.info().split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.isEmpty() && !line.startsWith("#") && colon > 0) {
                info.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return info;
    }

    @Override
    public Map<String, Long> keyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pattern : COUNTED_PATTERNS) {
            long count = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page =
                        redis.scan(cursor, new ScanParams().match(pattern).count(SCAN_BATCH));
                count += page.getResult().size();
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            counts.put(pattern, count);
        }
        return counts;
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisStores[" + displayUri + "]";
    }

    /** {@code redis://host} means port 6379. */
    static URI withDefaultPort(URI uri) {
        if (uri.getPort() != -1 || uri.getHost() == null) {
            return uri;
        }
        try {
            return new URI(
                    uri.getScheme(),
                    uri.getUserInfo(),
                    uri.getHost(),
                    6379,
                    uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
