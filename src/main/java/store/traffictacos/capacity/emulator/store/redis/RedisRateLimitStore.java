package store.traffictacos.capacity.emulator.store.redis;

import static store.traffictacos.capacity.emulator.store.redis.Replies.list;
import static store.traffictacos.capacity.emulator.store.redis.Replies.number;
import static store.traffictacos.capacity.emulator.store.redis.Replies.text;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.guard.Allowance;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.guard.RateLimitStore;
import store.traffictacos.capacity.emulator.guard.TokenBucket;

/**
 * One token bucket per client in {@code ratelimit:<client>} (HASH tokens, last_ms), refilled and
 * taken in one script; the headers follow from {@link TokenBucket#allowance}. Assumes limiting is
 * enabled (the caller skips the store otherwise).
 */
final class RedisRateLimitStore implements RateLimitStore {
    private static final LuaScript BUCKET = LuaScript.load("token_bucket.lua");

    private final UnifiedJedis redis;
    private final RateLimit limit;
    private final String burst;
    private final String perSecond;
    private final String ttlMs;

    RedisRateLimitStore(UnifiedJedis redis, RateLimit limit) {
        this.redis = redis;
        this.limit = limit;
        this.burst = Long.toString(limit.burst());
        this.perSecond = Long.toString(limit.tokensPerSecond());
        long fillMs = limit.enabled() ? (long) Math.ceil(limit.burst() * 1000.0 / limit.tokensPerSecond()) : 0;
        this.ttlMs = Long.toString(fillMs + 60_000L);
    }

    @Override
    public Allowance take(String clientKey, long nowMs) {
        List<Object> reply = list(BUCKET.run(
                redis,
                List.of(RedisKeys.rateLimit(clientKey)),
                List.of(burst, perSecond, Long.toString(nowMs), ttlMs)));
        boolean allowed = number(reply.get(0)) == 1;
        double tokensAfter = Double.parseDouble(text(reply.get(1)));
        return TokenBucket.allowance(allowed, tokensAfter, nowMs, limit);
    }
}
