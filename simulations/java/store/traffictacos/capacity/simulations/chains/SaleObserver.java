package store.traffictacos.capacity.simulations.chains;

import io.gatling.javaapi.core.Session;
import java.time.format.DateTimeParseException;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.simulations.endpoints.HoldAnswer;
import store.traffictacos.capacity.simulations.endpoints.Sessions;
import store.traffictacos.capacity.simulations.journey.Journey;
import store.traffictacos.capacity.simulations.journey.Outcome;
import store.traffictacos.capacity.simulations.journey.Work;

/**
 * Writes what a step's answer says about the sale into the runner's {@link Ledger}: enters granted, leaves,
 * holds (their seats and expiry, kept in the journey), payments approved and confirms, probes included.
 */
final class SaleObserver {
    /** The contract's hold: a confirm sent later than this after the hold was answered is late whatever it says. */
    static final long HOLD_MS = 60_000;

    private final Ledger ledger;

    SaleObserver(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param outcome what the answer meant for the journey (a probe's refusal is OK)
     * @param sentEpochMs when the request was sent
     * @param answeredEpochMs when its answer came
     */
    void observe(Session session, Work work, Outcome outcome, long sentEpochMs, long answeredEpochMs) {
        // off: not even the hold's seats and expiry are kept, so a run without the bookkeeping pays none of it
        if (!ledger.keeping() || outcome == Outcome.FAILED || outcome == Outcome.NOT_READY) {
            return;
        }
        Journey journey = work.journey();
        switch (work.step()) {
            case ENTER -> ledger.admitted(journey.waitingToken(), sentEpochMs);
            case PROBE_ENTER -> {
                if (granted(session)) {
                    ledger.admitted(journey.waitingToken(), sentEpochMs);
                }
            }
            case LEAVE -> ledger.left(journey.waitingToken(), answeredEpochMs);
            case HOLD -> {
                HoldAnswer hold = Sessions.hold(session);
                journey.held(hold.seatIds(), expiry(hold.holdExpiresAt(), answeredEpochMs));
            }
            case PAYMENT_PROCESS -> {
                journey.paymentApproved(true);
                ledger.approved(journey.reservationId());
            }
            case PROBE_CONFIRM -> {
                if (granted(session)) {
                    confirmed(journey, false, sentEpochMs);
                }
            }
            case CONFIRM -> confirmed(journey, journey.paymentApproved(), sentEpochMs);
            default -> {
                // join, status and payment intent say nothing the invariants check
            }
        }
    }

    private void confirmed(Journey journey, boolean paid, long sentEpochMs) {
        ledger.confirmed(
                journey.eventId(),
                journey.seatIds(),
                journey.reservationId(),
                paid,
                sentEpochMs > journey.holdExpiresAtEpochMs());
    }

    /** A probe the platform should have refused was answered 200. */
    private static boolean granted(Session session) {
        return session.contains(Sessions.HTTP_STATUS) && session.getInt(Sessions.HTTP_STATUS) == 200;
    }

    /**
     * The hold's expiry: the contract's 60 s from its answer (the platform held it no later than that), or
     * the platform's own {@code hold_expires_at} when that is earlier. The latter is on the platform's clock:
     * a platform clock that runs a minute behind would read as late confirms.
     */
    static long expiry(String holdExpiresAt, long answeredEpochMs) {
        long contract = answeredEpochMs + HOLD_MS;
        if (holdExpiresAt == null) {
            return contract;
        }
        try {
            return Math.min(contract, UtcTimestamp.epochMs(holdExpiresAt));
        } catch (DateTimeParseException notATime) {
            return contract;
        }
    }
}
