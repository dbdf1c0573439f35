/**
 * What the gateway checks before a handler runs: the per-client rate limit ({@link RateLimiter} over
 * token buckets), bearer JWT or the load-test bypass ({@link JwtAuthenticator}) and Idempotency-Key
 * replay ({@link IdempotencyGuard}), with the store interfaces they keep their state in. May import
 * {@code emulator.http} (requests, responses, API errors), which imports this package back for its
 * gateway.
 */
package store.traffictacos.capacity.emulator.guard;
