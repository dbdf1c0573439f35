package store.traffictacos.capacity.emulator.guard;

/**
 * A per-client token bucket: {@code tokensPerSecond} refill up to {@code burst}; a bucket starts
 * full. {@code tokensPerSecond == 0} disables limiting.
 */
public record RateLimit(long tokensPerSecond, long burst) {

    public RateLimit {
        if (tokensPerSecond < 0 || burst < 0 || (tokensPerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("rate limit and burst must be >= 0 (burst >= 1 when limiting)");
        }
    }

    public static RateLimit production() {
        return new RateLimit(10_000, 15_000);
    }

    public boolean enabled() {
        return tokensPerSecond > 0;
    }
}
