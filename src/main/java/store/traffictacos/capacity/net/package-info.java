/**
 * One-line reasons for failed network connections, for errors a user reads
 * ({@link ConnectionFailures}); the checks made of the target before any load: its health ({@link
 * Preflight}) and whether its per-client limit follows {@code X-Forwarded-For} ({@link RateLimitProbe}).
 * Imports only {@code config}.
 */
@NullMarked
package store.traffictacos.capacity.net;

import org.jspecify.annotations.NullMarked;
