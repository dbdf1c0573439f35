package store.traffictacos.capacity.emulator.store.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import store.traffictacos.capacity.emulator.guard.Allowance;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.guard.RateLimitStore;
import store.traffictacos.capacity.emulator.guard.TokenBucket;

/** One token bucket per client in this process. */
final class InMemoryRateLimitStore implements RateLimitStore {
    private final RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    InMemoryRateLimitStore(RateLimit limit) {
        this.limit = limit;
    }

    private final class Bucket {
        double tokens = limit.burst();
        long lastMs = Long.MIN_VALUE;

        synchronized Allowance take(long nowMs) {
            if (lastMs != Long.MIN_VALUE) {
                tokens = TokenBucket.refill(tokens, lastMs, nowMs, limit);
            }
            lastMs = Math.max(lastMs, nowMs);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return TokenBucket.allowance(allowed, tokens, nowMs, limit);
        }
    }

    @Override
    public Allowance take(String clientKey, long nowMs) {
        return buckets.computeIfAbsent(clientKey, key -> new Bucket()).take(nowMs);
    }

    long size() {
        return buckets.size();
    }

    long clear() {
        long count = buckets.size();
        buckets.clear();
        return count;
    }
}
