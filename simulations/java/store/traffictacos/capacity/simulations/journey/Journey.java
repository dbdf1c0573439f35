package store.traffictacos.capacity.simulations.journey;

/**
 * One user's way through the ticket sale. Only one step of a journey is in flight at a time, so
 * its fields are written by one request and read by the next.
 */
public final class Journey {
    private final String userId;
    private final String eventId;
    private final boolean purchases;
    private final long joinedAtNanos;
    /** The address it carries in X-Forwarded-For, all its life; null: the runner's own. */
    private final String clientAddress;

    volatile String waitingToken;
    volatile String reservationToken;
    volatile String reservationId;
    volatile String paymentIntentId;
    volatile int polls;

    Journey(long userId, String eventId, boolean purchases, long joinedAtNanos, String clientAddress) {
        this.userId = "user-" + userId;
        this.eventId = eventId;
        this.purchases = purchases;
        this.joinedAtNanos = joinedAtNanos;
        this.clientAddress = clientAddress;
    }

    /** The address it carries in X-Forwarded-For; null when the run does not spread its identity. */
    public String clientAddress() {
        return clientAddress;
    }

    public String userId() {
        return userId;
    }

    public String eventId() {
        return eventId;
    }

    public boolean purchases() {
        return purchases;
    }

    long joinedAtNanos() {
        return joinedAtNanos;
    }

    public String waitingToken() {
        return waitingToken;
    }

    public String reservationToken() {
        return reservationToken;
    }

    public String reservationId() {
        return reservationId;
    }

    public String paymentIntentId() {
        return paymentIntentId;
    }

    public void waitingToken(String token) {
        this.waitingToken = token;
    }

    public void reservationToken(String token) {
        this.reservationToken = token;
    }

    public void reservationId(String id) {
        this.reservationId = id;
    }

    public void paymentIntentId(String id) {
        this.paymentIntentId = id;
    }
}
