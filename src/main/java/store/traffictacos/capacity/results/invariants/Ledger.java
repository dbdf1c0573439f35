package store.traffictacos.capacity.results.invariants;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one runner's journeys saw the platform answer about the sale, kept for the invariant checks:
 * the seats confirmed, the waiting tokens admitted and left, the reservations whose payment was approved,
 * and what breaks an invariant within one journey (a confirm without an approved payment, a confirm after
 * the hold expired). The report merges every runner's ledger ({@link InvariantCheck}). Safe to call from
 * every event loop at once: only the sale's few answers (enter, leave, approve, confirm) come here, not
 * status polls. A ledger that is {@link #off()} records nothing.
 */
public final class Ledger {
    private final SeatBook seats = new SeatBook();
    /** Waiting tokens granted enter, with the latest time (epoch ms) an enter for them was sent. */
    private final IdTable admitted = new IdTable();
    /** Waiting tokens that left, with the earliest time (epoch ms) a leave for them was answered. */
    private final IdTable left = new IdTable();
    /** Reservations with an approved payment. */
    private final IdTable approved = new IdTable();

    private final Map<Invariant, Tally> local = new EnumMap<>(Invariant.class);
    private final int seatsPerEvent;
    private final boolean keeping;

    /** A ledger of a platform whose stock is not known. */
    public Ledger() {
        this(0);
    }

    /** @param seatsPerEvent the seats each event has, when known (no more may be sold); 0: not known */
    public Ledger(int seatsPerEvent) {
        this(seatsPerEvent, true);
    }

    private Ledger(int seatsPerEvent, boolean keeping) {
        if (seatsPerEvent < 0) {
            throw new IllegalArgumentException("seats per event must be >= 0, got " + seatsPerEvent);
        }
        this.seatsPerEvent = seatsPerEvent;
        this.keeping = keeping;
        for (Invariant invariant : Invariant.values()) {
            local.put(invariant, new Tally());
        }
    }

    /**
     * A ledger that records nothing ({@code -Dinvariants=off}): for a platform without a purchase path, and to
     * measure what the bookkeeping costs. Its runner writes no ledger, so the report checks no invariant.
     */
    public static Ledger off() {
        return new Ledger(0, false);
    }

    /** Whether it records what it is told; false when {@link #off()}. */
    public boolean keeping() {
        return keeping;
    }

    /** Enter was granted to {@code waitingToken}; the request was sent at {@code sentEpochMs}. */
    public synchronized void admitted(String waitingToken, long sentEpochMs) {
        if (!keeping) {
            return;
        }
        Tally tally = local.get(Invariant.TOKEN_ADMITTED_ONCE);
        tally.observations++;
        if (!admitted.add(Id128.of(waitingToken), sentEpochMs, Math::max)) {
            tally.violated(waitingToken);
        }
    }

    /** {@code waitingToken} left the queue; the leave was answered at {@code answeredEpochMs}. */
    public synchronized void left(String waitingToken, long answeredEpochMs) {
        if (!keeping) {
            return;
        }
        left.add(Id128.of(waitingToken), answeredEpochMs, Math::min);
    }

    /** A payment for {@code reservationId} was approved. */
    public synchronized void approved(String reservationId) {
        if (!keeping) {
            return;
        }
        Tally tally = local.get(Invariant.CONFIRM_PAID_ONCE);
        tally.observations++;
        if (!approved.add(Id128.of(reservationId), 0, Math::max)) {
            tally.violated(reservationId);
        }
    }

    /**
     * A confirm of {@code reservationId} succeeded.
     *
     * @param seatIds the seats its hold answered with
     * @param paymentApproved the journey saw a payment for it approved before
     * @param afterHoldExpiry the confirm was sent after the hold had expired
     */
    public synchronized void confirmed(
            String eventId,
            List<String> seatIds,
            String reservationId,
            boolean paymentApproved,
            boolean afterHoldExpiry) {
        if (!keeping) {
            return;
        }
        Tally sold = local.get(Invariant.SEAT_SOLD_ONCE);
        for (String seat : seatIds) {
            sold.observations++;
            if (!seats.add(eventId, seat)) {
                sold.violated(eventId + "/" + seat);
            }
        }
        Tally paid = local.get(Invariant.CONFIRM_PAID_ONCE);
        paid.observations++;
        if (!paymentApproved) {
            paid.violated(reservationId);
        }
        Tally inHold = local.get(Invariant.CONFIRM_WITHIN_HOLD);
        inHold.observations++;
        if (afterHoldExpiry) {
            inHold.violated(reservationId);
        }
    }

    /** A copy of what was recorded so far, to write ({@link LedgerFile}) or check. */
    public synchronized Data data() {
        return new Data(
                seats.copy(),
                IdTable.decode(admitted.encode()),
                IdTable.decode(left.encode()),
                IdTable.decode(approved.encode()),
                seatsPerEvent,
                local.entrySet().stream()
                        .map(entry -> entry.getValue().result(entry.getKey()))
                        .toList());
    }

    /**
     * One runner's ledger as written and read.
     *
     * @param seatsPerEvent the seats each event has, when known; 0: not known
     * @param local each invariant as broken within this runner (the merge adds what only all runners together show)
     */
    public record Data(
            SeatBook seats,
            IdTable admitted,
            IdTable left,
            IdTable approved,
            int seatsPerEvent,
            List<InvariantResult> local) {
        public Data {
            local = List.copyOf(local);
        }
    }
}
