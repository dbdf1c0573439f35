package store.traffictacos.capacity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.ReportSettings;

/**
 * How a run folder ({@code reports/<run-id>/}) becomes its capacity report, for every way in: the
 * controller's {@code run}, {@code report}, {@code collect} and a runner's own {@code mvn gatling:test}.
 * It reads the folder's {@link ReportInputs}, has {@link ReportBuilder} compute the report once, writes
 * its files ({@link ReportFiles#writeAll}) and says what it found, in words every way in shares.
 */
public final class ReportService {
    private ReportService() {}

    /** The report written, and where its HTML is. */
    public record Written(CapacityReport report, Path html) {}

    /** How the verdict line reads, so each way in keeps the line its users know. */
    public enum VerdictLine {
        /** {@code FAIL: Capacity knee: ...}: the verdict heads a command's output ({@code report}, {@code collect}). */
        HEADLINE,
        /** {@code verdict: FAIL (Capacity knee: ...)}: one labelled line of a longer log (a run, a runner). */
        LABELLED
    }

    /**
     * Computes the run's report, compared with {@code history} under the settings' regression rules,
     * and writes it into the run folder.
     *
     * @throws IllegalArgumentException naming the folder or the file that could not be read
     */
    public static Written write(Path runDir, ReportSettings settings, History history) {
        CapacityReport report = ReportBuilder.build(ReportInputs.read(runDir, settings, history));
        try {
            return new Written(report, ReportFiles.writeAll(runDir, report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Says the verdict and the knee, the comparison with the baseline when there is one, and where the
     * report is, one line at a time to {@code say} (e.g. a writer's {@code println}, or a log that
     * prefixes each line).
     */
    public static void announce(Written written, VerdictLine style, Consumer<String> say) {
        CapacityReport report = written.report();
        String knee = ReportFiles.kneeLine(report);
        say.accept(
                switch (style) {
                    case HEADLINE -> report.verdict() + ": " + knee;
                    case LABELLED -> "verdict: " + report.verdict() + " (" + knee + ")";
                });
        String invariants = ReportFiles.invariantsLine(report);
        if (invariants != null) {
            say.accept(invariants);
        }
        if (report.cleanup() != null && report.cleanup().warning() != null) {
            say.accept("warning: " + report.cleanup().summary());
        }
        String comparison = ReportFiles.comparisonLine(report);
        if (comparison != null) {
            say.accept(comparison);
        }
        say.accept("report: " + written.html().toAbsolutePath());
    }
}
