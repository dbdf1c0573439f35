package store.traffictacos.capacity.simulations.endpoints;

import io.gatling.javaapi.core.Session;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import store.traffictacos.capacity.simulations.journey.Journey;
import store.traffictacos.capacity.simulations.journey.Work;

/** The session keys the endpoints and the arrival chain share. */
public final class Sessions {
    /** The request in flight: a {@link Request}. */
    public static final String REQUEST = "request";

    public static final String HTTP_STATUS = "httpStatus";
    public static final String READY = "ready";
    public static final String SAVED_ID = "savedId";
    /** What a hold answered: a {@link HoldAnswer}. */
    public static final String HOLD = "hold";

    /** Seeds each thread's generator of idempotency keys, so runners never share a sequence. */
    private static final SecureRandom SEEDS = new SecureRandom();

    private static final ThreadLocal<SplittableRandom> KEYS = ThreadLocal.withInitial(() -> {
        synchronized (SEEDS) {
            return new SplittableRandom(SEEDS.nextLong());
        }
    });

    /**
     * The step an arriving user makes, with when it was sent: one session attribute, since every
     * attribute set copies the session. {@code work} is null in a status-only run, which moves no journey.
     */
    public record Request(Work work, long sentEpochMs, long sentNanos) {}

    private Sessions() {}

    public static Request request(Session session) {
        return session.get(REQUEST);
    }

    public static Work work(Session session) {
        return request(session).work();
    }

    public static HoldAnswer hold(Session session) {
        return session.get(HOLD);
    }

    public static Journey journey(Session session) {
        return work(session).journey();
    }

    /**
     * A fresh Idempotency-Key for every POST, as the contract requires: a random (version 4) UUID.
     * Not {@code UUID.randomUUID()}: its one shared SecureRandom costs a lock and a read of the
     * system's entropy per POST on the request path; 122 random bits from a per-thread generator,
     * seeded from SecureRandom, are as unique.
     */
    public static String idempotencyKey(Session session) {
        SplittableRandom random = KEYS.get();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
