package store.traffictacos.capacity.emulator.guard;

/**
 * A per-client token bucket: {@code tokensPerSecond} refill up to {@code burst}; a bucket starts
 * full. {@code tokensPerSecond == 0} disables limiting.
 *
 * @param keyedOnForwardedHeaders the client is the first {@code X-Forwarded-For} entry, else {@code
 *     X-Real-IP}, else the peer, as the gateway keys it; false keys on the peer address alone, as a
 *     platform that ignores those headers does
 */
public record RateLimit(long tokensPerSecond, long burst, boolean keyedOnForwardedHeaders) {

    public RateLimit {
        if (tokensPerSecond < 0 || burst < 0 || (tokensPerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("rate limit and burst must be >= 0 (burst >= 1 when limiting)");
        }
    }

    /** A limit keyed as the gateway keys it. */
    public RateLimit(long tokensPerSecond, long burst) {
        this(tokensPerSecond, burst, true);
    }

    public static RateLimit production() {
        return new RateLimit(10_000, 15_000);
    }

    public boolean enabled() {
        return tokensPerSecond > 0;
    }
}
