package store.traffictacos.capacity.emulator.http;

/**
 * One API route: method, path pattern ({@code {name}} segments are parameters), who may call it
 * and the handler.
 */
public record Route(String method, String pattern, Access access, Handler handler) {

    /** What the gateway does before the handler runs. */
    public enum Access {
        /** Health and admin: no rate limit, no idempotency, no auth, outside the capacity model. */
        OPERATIONS,
        /** Rate limited; POSTs need an Idempotency-Key. */
        PUBLIC,
        /** As {@link #PUBLIC}, plus a JWT (or the load-test bypass). */
        AUTHENTICATED
    }

    @FunctionalInterface
    public interface Handler {
        /**
         * @param userId the authenticated caller ({@code sub}) on {@link Access#AUTHENTICATED} routes,
         *     else null
         */
        ApiResponse handle(ApiRequest request, String userId);
    }

    public static Route operations(String method, String pattern, Handler handler) {
        return new Route(method, pattern, Access.OPERATIONS, handler);
    }

    public static Route publicApi(String method, String pattern, Handler handler) {
        return new Route(method, pattern, Access.PUBLIC, handler);
    }

    public static Route authenticated(String method, String pattern, Handler handler) {
        return new Route(method, pattern, Access.AUTHENTICATED, handler);
    }

    public boolean requiresIdempotencyKey() {
        return access != Access.OPERATIONS && "POST".equals(method);
    }
}
