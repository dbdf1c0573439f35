package store.traffictacos.capacity.emulator.guard;

import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;

/** The gateway's per-client rate limit and its {@code X-RateLimit-*} headers. */
public final class RateLimiter {
    private final RateLimit limit;
    private final RateLimitStore store;

    public RateLimiter(RateLimit limit, RateLimitStore store) {
        this.limit = limit;
        this.store = store;
    }

    /** Takes a token for the request's client; empty allowance when limiting is off. */
    public Allowance admit(ApiRequest request, long nowMs) {
        if (!limit.enabled()) {
            return null;
        }
        return store.take(limit.keyedOnForwardedHeaders() ? ClientAddress.of(request) : request.clientIp(), nowMs);
    }

    public static ApiException rejection() {
        return new ApiException(429, "RATE_LIMITED", "too many requests");
    }

    /** Adds the rate-limit headers every {@code /api/v1} response carries. */
    public void decorate(ApiResponse response, Allowance allowance) {
        if (allowance == null) {
            return;
        }
        response.header("X-RateLimit-Limit", Long.toString(limit.tokensPerSecond()))
                .header("X-RateLimit-Remaining", Long.toString(allowance.remaining()))
                .header("X-RateLimit-Reset", Long.toString(allowance.resetEpochSeconds()))
                .header("X-RateLimit-Window", "1s");
        if (!allowance.allowed() || allowance.remaining() == 0) {
            response.header("Retry-After", Long.toString(allowance.retryAfterSeconds()));
        }
    }
}
