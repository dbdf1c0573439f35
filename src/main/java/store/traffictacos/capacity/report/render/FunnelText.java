package store.traffictacos.capacity.report.render;

import java.util.List;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.FunnelReport;

/** How every rendering words the purchase funnel: the same header and cells in Markdown and HTML. */
final class FunnelText {
    static final List<String> HEADER = List.of(
            "Phase",
            "Journeys",
            "Set out to purchase",
            "Admitted",
            "Held",
            "Paid",
            "Confirmed",
            "Unfinished",
            "Time to admission p50 / p95 / p99");

    private FunnelText() {}

    /** What the funnel counts, e.g. {@code of the journeys that set out to purchase (the plan: 50 % of all)}. */
    static String scope(FunnelReport funnel) {
        return "Per phase of their join, the journeys that set out to purchase (the plan: "
                + ReportFiles.Text.percent(funnel.purchaseShare())
                + " of all; the others stop after enter), shares of those; time to admission (join to granted enter)"
                + " of every journey admitted; unfinished: still on their way when the runners stopped";
    }

    static List<String> cells(FunnelReport.Phase phase) {
        return List.of(
                phase.phase(),
                ReportFiles.Text.count(phase.journeys()),
                ReportFiles.Text.count(phase.joined()),
                stage(phase.admitted(), phase.admittedShare()),
                stage(phase.held(), phase.heldShare()),
                stage(phase.paid(), phase.paidShare()),
                stage(phase.confirmed(), phase.confirmedShare()),
                ReportFiles.Text.count(phase.unfinished()),
                phase.admissions() == 0
                        ? "n/a"
                        : seconds(phase.admissionP50S()) + " / " + seconds(phase.admissionP95S()) + " / "
                                + seconds(phase.admissionP99S()));
    }

    /** e.g. {@code 1,204 (96.3 %)} */
    private static String stage(long count, double share) {
        return ReportFiles.Text.count(count) + " (" + ReportFiles.Text.percent(share) + ")";
    }

    private static String seconds(@Nullable Double value) {
        return value == null ? "n/a" : ReportFiles.Text.number(value) + " s";
    }
}
