package store.traffictacos.capacity.simulations.journey;

import java.util.List;

/**
 * One user's way through the ticket sale. Only one step of a journey is in flight at a time, so
 * its fields are written by one request and read by the next.
 */
public final class Journey {
    private final String userId;
    private final String eventId;
    private final boolean purchases;
    private final boolean probes;
    private final long joinedAtNanos;
    /** The phase it joined in, which its whole funnel counts in ({@code FunnelRecorder#OUTSIDE}: none). */
    private final int phase;
    /** The address it carries in X-Forwarded-For, all its life; null: the runner's own. */
    private final String clientAddress;

    volatile String waitingToken;
    volatile String reservationToken;
    volatile String reservationId;
    volatile String paymentIntentId;
    volatile int polls;
    /** The seats the hold answered with. */
    volatile List<String> seatIds = List.of();
    /** When the hold expires, epoch ms, as this runner's clock reads it. */
    volatile long holdExpiresAtEpochMs;

    volatile boolean paymentApproved;

    Journey(
            long userId,
            String eventId,
            boolean purchases,
            boolean probes,
            long joinedAtNanos,
            int phase,
            String clientAddress) {
        this.userId = "user-" + userId;
        this.eventId = eventId;
        this.purchases = purchases;
        this.probes = probes;
        this.joinedAtNanos = joinedAtNanos;
        this.phase = phase;
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

    /** Probes the contract once where it must refuse ({@link Step#PROBE_ENTER}, {@link Step#PROBE_CONFIRM}). */
    public boolean probes() {
        return probes;
    }

    long joinedAtNanos() {
        return joinedAtNanos;
    }

    int phase() {
        return phase;
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

    public List<String> seatIds() {
        return seatIds;
    }

    public long holdExpiresAtEpochMs() {
        return holdExpiresAtEpochMs;
    }

    /** The hold answered: its seats and when it expires. */
    public void held(List<String> seats, long expiresAtEpochMs) {
        this.seatIds = List.copyOf(seats);
        this.holdExpiresAtEpochMs = expiresAtEpochMs;
    }

    public boolean paymentApproved() {
        return paymentApproved;
    }

    public void paymentApproved(boolean approved) {
        this.paymentApproved = approved;
    }
}
