package store.traffictacos.capacity.simulations.endpoints;

import io.gatling.javaapi.core.Session;
import java.util.UUID;
import store.traffictacos.capacity.simulations.journey.Journey;
import store.traffictacos.capacity.simulations.journey.Work;

/** The session keys the endpoints and the arrival chain share. */
public final class Sessions {
    public static final String WORK = "work";
    public static final String HTTP_STATUS = "httpStatus";
    public static final String READY = "ready";
    public static final String SAVED_ID = "savedId";

    private Sessions() {
    }

    public static Work work(Session session) {
        return session.get(WORK);
    }

    public static Journey journey(Session session) {
        return work(session).journey();
    }

    /** A fresh Idempotency-Key for every POST, as the contract requires. */
    public static String idempotencyKey(Session session) {
        return UUID.randomUUID().toString();
    }
}
