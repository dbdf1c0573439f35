package store.traffictacos.capacity.emulator.http;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import store.traffictacos.capacity.emulator.guard.Allowance;
import store.traffictacos.capacity.emulator.guard.IdempotencyGuard;
import store.traffictacos.capacity.emulator.guard.JwtAuthenticator;
import store.traffictacos.capacity.emulator.guard.RateLimiter;

/**
 * What the platform's gateway does around every handler, in its order: rate limit, auth,
 * idempotency, handler; errors become the error envelope, never a stack trace.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final RateLimiter rateLimiter;
    private final JwtAuthenticator authenticator;
    private final IdempotencyGuard idempotency;
    private final Clock clock;

    public Gateway(RateLimiter rateLimiter, JwtAuthenticator authenticator, IdempotencyGuard idempotency, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.authenticator = authenticator;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public ApiResponse handle(Route route, ApiRequest request) {
        if (route.access() == Route.Access.OPERATIONS) {
            return guarded(request, () -> route.handler().handle(request, null));
        }
        long now = clock.millis();
        Allowance allowance = rateLimiter.admit(request, now);
        ApiResponse response = allowance != null && !allowance.allowed()
                ? ErrorEnvelope.of(RateLimiter.rejection(), request.requestId())
                : guarded(request, () -> {
                    String userId =
                            route.access() == Route.Access.AUTHENTICATED ? authenticator.authenticate(request) : null;
                    return route.requiresIdempotencyKey()
                            ? idempotency.execute(
                                    request, now, () -> route.handler().handle(request, userId))
                            : route.handler().handle(request, userId);
                });
        rateLimiter.decorate(response, allowance);
        return response;
    }

    private static ApiResponse guarded(ApiRequest request, java.util.function.Supplier<ApiResponse> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            return ErrorEnvelope.of(e, request.requestId());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return ErrorEnvelope.of(500, "INTERNAL_ERROR", "internal error", request.requestId());
        }
    }
}
