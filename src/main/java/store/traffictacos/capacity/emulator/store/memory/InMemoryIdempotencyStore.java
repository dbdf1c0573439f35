package store.traffictacos.capacity.emulator.store.memory;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore;
import store.traffictacos.capacity.emulator.guard.StoredResponse;

/** Idempotency records in this process, forgotten oldest-first once their lifetime ends. */
final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** {@code response == null} while the first execution is still running. */
    private record Entry(String fingerprint, StoredResponse response, long expiresAtMs) {}

    private record Expiry(String key, long expiresAtMs) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Claims in claim order; with one TTL for all keys that is also expiry order. */
    private final Queue<Expiry> expiries = new ConcurrentLinkedQueue<>();

    @Override
    public Claim claim(String key, String fingerprint, long nowMs, long ttlMs) {
        purge(nowMs);
        Claim[] outcome = new Claim[1];
        entries.compute(key, (k, existing) -> {
            if (existing == null || existing.expiresAtMs() <= nowMs) {
                outcome[0] = new Claim.Claimed();
                return new Entry(fingerprint, null, nowMs + ttlMs);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                outcome[0] = new Claim.Conflict();
            } else if (existing.response() == null) {
                outcome[0] = new Claim.InProgress();
            } else {
                outcome[0] = new Claim.Replay(existing.response());
            }
            return existing;
        });
        if (outcome[0] instanceof Claim.Claimed) {
            expiries.add(new Expiry(key, nowMs + ttlMs));
        }
        return outcome[0];
    }

    @Override
    public void complete(String key, String fingerprint, StoredResponse response, long nowMs, long ttlMs) {
        entries.computeIfPresent(key, (k, existing) -> new Entry(fingerprint, response, existing.expiresAtMs()));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(key, (k, existing) -> existing.response() == null ? null : existing);
    }

    private void purge(long nowMs) {
        Expiry oldest;
        while ((oldest = expiries.peek()) != null && oldest.expiresAtMs() <= nowMs) {
            if (expiries.remove(oldest)) {
                Expiry expired = oldest;
                entries.computeIfPresent(expired.key(), (k, entry) -> entry.expiresAtMs() <= nowMs ? null : entry);
            }
        }
    }

    long size() {
        return entries.size();
    }

    long inFlight() {
        return entries.values().stream()
                .filter(entry -> entry.response() == null)
                .count();
    }

    long clear() {
        long count = entries.size();
        entries.clear();
        expiries.clear();
        return count;
    }
}
