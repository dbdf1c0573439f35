package store.traffictacos.capacity.emulator.guard;

/**
 * The token-bucket arithmetic shared by every rate-limit store: refill since the last take, take
 * one token if a whole one is there, and the header values that follow.
 */
public final class TokenBucket {
    private TokenBucket() {}

    /** Tokens in a bucket that held {@code tokens} at {@code lastMs}, refilled up to {@code nowMs}. */
    public static double refill(double tokens, long lastMs, long nowMs, RateLimit limit) {
        long elapsedMs = Math.max(0, nowMs - lastMs);
        return Math.min(limit.burst(), tokens + elapsedMs * limit.tokensPerSecond() / 1000.0);
    }

    /**
     * The allowance reported for a take.
     *
     * @param tokensAfter tokens left in the bucket after this take (or the unchanged count if denied)
     */
    public static Allowance allowance(boolean allowed, double tokensAfter, long nowMs, RateLimit limit) {
        double perMs = limit.tokensPerSecond() / 1000.0;
        long remaining = (long) Math.floor(Math.max(0, tokensAfter));
        long msUntilFull = (long) Math.ceil(Math.max(0, limit.burst() - tokensAfter) / perMs);
        long resetEpochSeconds = Math.floorDiv(nowMs + msUntilFull + 999, 1000);
        long msUntilToken = (long) Math.ceil(Math.max(0, 1 - tokensAfter) / perMs);
        long retryAfterSeconds = Math.max(1, Math.floorDiv(msUntilToken + 999, 1000));
        return new Allowance(allowed, remaining, resetEpochSeconds, retryAfterSeconds);
    }
}
