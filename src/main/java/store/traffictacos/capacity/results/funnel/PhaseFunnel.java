package store.traffictacos.capacity.results.funnel;

import org.HdrHistogram.Histogram;

/**
 * The funnel of the journeys that joined in one phase. The stage counts are of the journeys that set out to
 * purchase (the plan's purchase share of them): the others stop after enter by design, and would read as a
 * funnel that loses half its users at the hold.
 *
 * @param phase the phase's name
 * @param journeys every journey that joined, purchasing or not
 * @param joined the journeys among them that set out to purchase
 * @param admitted ... whose enter was granted
 * @param held ... whose hold succeeded
 * @param paid ... whose payment was approved
 * @param confirmed ... whose reservation was confirmed
 * @param dropped ... that ended without a confirm: a failed step, or they left the queue
 * @param admissionMs time to admission (join sent to enter granted, ms) of every journey admitted, purchasing
 *     or not (admission does not depend on it); owned by this value, never changed
 */
public record PhaseFunnel(
        String phase,
        long journeys,
        long joined,
        long admitted,
        long held,
        long paid,
        long confirmed,
        long dropped,
        Histogram admissionMs) {

    /** The journeys that set out to purchase and had neither confirmed nor dropped when their runner stopped. */
    public long unfinished() {
        return Math.max(0, joined - confirmed - dropped);
    }

    /** This phase's counts and histogram added to {@code other}'s (the same phase of another runner). */
    PhaseFunnel plus(PhaseFunnel other) {
        Histogram sum = admissionMs.copy();
        sum.add(other.admissionMs);
        return new PhaseFunnel(
                phase,
                journeys + other.journeys,
                joined + other.joined,
                admitted + other.admitted,
                held + other.held,
                paid + other.paid,
                confirmed + other.confirmed,
                dropped + other.dropped,
                sum);
    }
}
