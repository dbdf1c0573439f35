package store.traffictacos.capacity.emulator.guard;

/**
 * The result of taking one token from a client's bucket.
 *
 * @param remaining whole tokens left after this request
 * @param resetEpochSeconds the unix second by which the bucket is full again
 * @param retryAfterSeconds when denied or emptied: seconds (≥ 1) until a token is available
 */
public record Allowance(boolean allowed, long remaining, long resetEpochSeconds, long retryAfterSeconds) {}
