package store.traffictacos.capacity.emulator.guard;

/**
 * Idempotency records, keyed by the Idempotency-Key; {@code fingerprint} identifies
 * method + path + body. Records live {@code ttlMs} after they were claimed.
 */
public interface IdempotencyStore {

    /** Claims the key for a first execution, or tells why the request must not run. */
    Claim claim(String key, String fingerprint, long nowMs, long ttlMs);

    /** Keeps the 2xx response of a claimed key for replay. */
    void complete(String key, String fingerprint, StoredResponse response, long nowMs, long ttlMs);

    /** Forgets a claimed key whose request did not succeed (only 2xx is cached). */
    void release(String key);

    sealed interface Claim {
        /** The caller runs the request, then calls complete or release. */
        record Claimed() implements Claim {}

        /** Same key, same request, already answered: replay this. */
        record Replay(StoredResponse response) implements Claim {}

        /** Same key, different method, path or body. */
        record Conflict() implements Claim {}

        /** Same key and request, still running in another call. */
        record InProgress() implements Claim {}
    }
}
