package store.traffictacos.capacity.report.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The purchase funnel of the run, every runner's added: per phase, the journeys that joined in it and how far
 * those that set out to purchase went. Shares are of {@code joined}; a journey counts in the phase of its join.
 *
 * @param purchaseShare the plan's share of journeys that set out to purchase; the others stop after enter by
 *     design and count only in {@code journeys} and the time to admission
 * @param phases per phase, in profile order
 */
public record FunnelReport(double purchaseShare, List<Phase> phases) {
    public FunnelReport {
        phases = List.copyOf(phases);
    }

    /** The phase of that name; null when the funnel has none. */
    public @Nullable Phase phase(String name) {
        return phases.stream()
                .filter(phase -> phase.phase().equals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * @param journeys every journey that joined in the phase, purchasing or not
     * @param joined those that set out to purchase
     * @param admitted ... whose enter was granted; {@code held}, {@code paid}, {@code confirmed} likewise
     * @param dropped ... that ended without a confirm (a failed step, or they left the queue)
     * @param unfinished ... still on their way when the runners stopped (joined − confirmed − dropped)
     * @param admissions the journeys admitted, purchasing or not, the time to admission is of
     * @param admissionP50S time to admission (join sent to enter granted), seconds; null without admissions
     */
    public record Phase(
            String phase,
            long journeys,
            long joined,
            long admitted,
            long held,
            long paid,
            long confirmed,
            long dropped,
            long unfinished,
            double admittedShare,
            double heldShare,
            double paidShare,
            double confirmedShare,
            long admissions,
            @Nullable Double admissionP50S,
            @Nullable Double admissionP95S,
            @Nullable Double admissionP99S) {}
}
