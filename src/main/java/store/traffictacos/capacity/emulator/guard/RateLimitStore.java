package store.traffictacos.capacity.emulator.guard;

/** Token buckets per client key (the client IP). */
public interface RateLimitStore {

    Allowance take(String clientKey, long nowMs);
}
