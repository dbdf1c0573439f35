package store.traffictacos.capacity.emulator.store;

import java.util.Map;

/** One backend (in-memory or Redis) for all of the target's state. */
public interface Stores extends AutoCloseable {

    /** The stores that hold the state, one per part. */
    StateStores state();

    /** Whether calls may block (then the server runs handlers off its I/O threads). */
    boolean blocking();

    /** Whether the backend answers (false while Redis is down: {@code /readyz} says 503). */
    boolean ready();

    /**
     * Deletes the state a test leaves behind: queue, idempotency, dedupe, heartbeat and rate-limit
     * entries (not inventory, reservations or payments).
     *
     * @return deleted entries per key pattern
     */
    Map<String, Long> flushTestData();

    /** The backend's INFO (for Redis, its INFO fields). */
    Map<String, String> info();

    /** Live entries per key pattern. */
    Map<String, Long> keyCounts();

    @Override
    void close();
}
