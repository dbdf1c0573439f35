package store.traffictacos.capacity.emulator.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;

/**
 * The Idempotency-Key rule for POSTs: a UUID key is required; a replay of the same request gets
 * the cached 2xx with {@code X-Idempotency-Cached: true}; the same key with another request is
 * 409 IDEMPOTENCY_CONFLICT, and while the first is still running, 409 DUPLICATE_REQUEST.
 */
public final class IdempotencyGuard {
    public static final long RECORD_TTL_MS = 300_000;

    private final IdempotencyStore store;

    public IdempotencyGuard(IdempotencyStore store) {
        this.store = store;
    }

    public ApiResponse execute(ApiRequest request, long nowMs, Supplier<ApiResponse> handler) {
        String key = request.header("Idempotency-Key")
                .filter(k -> !k.isEmpty())
                .orElseThrow(
                        () -> ApiException.badRequest("IDEMPOTENCY_REQUIRED", "Idempotency-Key header is required"));
        if (!isUuid(key)) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be a UUID");
        }
        String fingerprint = fingerprint(request);
        IdempotencyStore.Claim claim = store.claim(key, fingerprint, nowMs, RECORD_TTL_MS);
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            StoredResponse cached = replay.response();
            return ApiResponse.raw(cached.status(), cached.body(), cached.contentType())
                    .header("X-Idempotency-Cached", "true");
        }
        if (claim instanceof IdempotencyStore.Claim.Conflict) {
            throw ApiException.conflict("IDEMPOTENCY_CONFLICT", "Idempotency-Key was used with a different request");
        }
        if (claim instanceof IdempotencyStore.Claim.InProgress) {
            throw ApiException.conflict("DUPLICATE_REQUEST", "a request with this Idempotency-Key is in progress");
        }
        ApiResponse response;
        try {
            response = handler.get();
        } catch (RuntimeException e) {
            store.release(key);
            throw e;
        }
        if (response.isSuccess()) {
            store.complete(
                    key,
                    fingerprint,
                    new StoredResponse(response.status(), response.contentType(), response.body()),
                    nowMs,
                    RECORD_TTL_MS);
        } else {
            store.release(key);
        }
        return response;
    }

    private static boolean isUuid(String key) {
        if (key.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String fingerprint(ApiRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.method() + ' ' + request.path() + '\n').getBytes(StandardCharsets.UTF_8));
            sha256.update(request.body());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
