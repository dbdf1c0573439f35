package store.traffictacos.capacity.emulator.store.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import store.traffictacos.capacity.emulator.store.StateStores;
import store.traffictacos.capacity.emulator.store.StoreSettings;
import store.traffictacos.capacity.emulator.store.Stores;

/** The default backend: all state in this process, nothing to set up, nothing that blocks. */
public final class InMemoryStores implements Stores {
    private final InMemoryWaitingRoomStore waitingRoom;
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final InMemoryRateLimitStore rateLimits;
    private final InMemoryReservationStore reservations;
    private final InMemoryPaymentStore payments = new InMemoryPaymentStore();
    private final StateStores state;

    public InMemoryStores(StoreSettings settings) {
        this.waitingRoom = new InMemoryWaitingRoomStore(settings.admission());
        this.rateLimits = new InMemoryRateLimitStore(settings.rateLimit());
        this.reservations = new InMemoryReservationStore(settings.seats());
        this.state = new StateStores(waitingRoom, idempotency, rateLimits, reservations, payments);
    }

    @Override
    public StateStores state() {
        return state;
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public boolean ready() {
        return true;
    }

    /** Same pattern names as the Redis backend, so both answer the admin routes alike. */
    @Override
    public Map<String, Long> flushTestData() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("queue:*", waitingRoom.clear());
        deleted.put("idempotency:*", idempotency.clear());
        deleted.put("dedupe:*", 0L);
        deleted.put("heartbeat:*", 0L);
        deleted.put("ratelimit:*", rateLimits.clear());
        return deleted;
    }

    @Override
    public Map<String, String> info() {
        Runtime runtime = Runtime.getRuntime();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", "memory");
        info.put("used_memory", Long.toString(runtime.totalMemory() - runtime.freeMemory()));
        info.put("max_memory", Long.toString(runtime.maxMemory()));
        return info;
    }

    /** Entry counts under the Redis backend's key patterns (waiting tickets stand for queue and heartbeat). */
    @Override
    public Map<String, Long> keyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("queue:*", waitingRoom.ticketCount());
        counts.put("idempotency:*", idempotency.size());
        counts.put("dedupe:*", idempotency.inFlight());
        counts.put("heartbeat:*", waitingRoom.ticketCount());
        counts.put("ratelimit:*", rateLimits.size());
        counts.put("inventory:*", reservations.eventCount());
        counts.put("reservation:*", reservations.reservationCount());
        counts.put("payment:*", payments.size());
        return counts;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
