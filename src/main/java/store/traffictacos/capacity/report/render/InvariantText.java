package store.traffictacos.capacity.report.render;

import java.util.stream.Collectors;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.InvariantReport;

/** How every rendering words the sale's invariants. */
final class InvariantText {
    static final String SUITE = "invariants";

    private InvariantText() {}

    /** Why a run has no invariants: never a PASS, as nothing was checked. */
    static final String NOT_CHECKED =
            "not checked: the runners kept no ledger of the sale (-Dinvariants=off, or recorded before ledgers)";

    /** e.g. {@code 1 of 4 invariants broken: seat_sold_once (718)}, or {@link #NOT_CHECKED}. */
    static String summary(CapacityReport report) {
        if (report.invariants().isEmpty()) {
            return NOT_CHECKED;
        }
        if (report.brokenInvariants().isEmpty()) {
            return "all " + report.invariants().size() + " invariants of the sale held";
        }
        return report.brokenInvariants().size() + " of " + report.invariants().size() + " invariants broken: "
                + report.brokenInvariants().stream()
                        .map(invariant -> invariant.name() + " (" + invariant.violations() + ")")
                        .collect(Collectors.joining(", "));
    }

    /** What the invariant was checked on, e.g. {@code 1,204 answers}, or that nothing exercised it. */
    static String checkedOn(InvariantReport invariant) {
        return invariant.observations() == 0
                ? "not exercised (no such answer seen)"
                : ReportFiles.Text.number(invariant.observations()) + " answers";
    }

    static String examples(InvariantReport invariant) {
        return String.join(", ", invariant.examples());
    }

    /** The failure message: count and examples. */
    static String broken(InvariantReport invariant) {
        return invariant.violations() + " violation" + (invariant.violations() == 1 ? "" : "s") + " of '"
                + invariant.description() + "', e.g. " + examples(invariant);
    }
}
