package store.traffictacos.capacity.report.render;

import static store.traffictacos.capacity.report.render.ReportFiles.Text.ms;
import static store.traffictacos.capacity.report.render.ReportFiles.Text.percent;
import static store.traffictacos.capacity.report.render.ReportFiles.Text.rps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.PhaseDelta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.settings.RegressionRules;

/**
 * Renders {@code summary.md} for a GitHub step summary or PR comment: verdict, knee (or why there is
 * none), cost, a row per phase, the SLO verdicts per phase, the platform warnings, the comparison with a
 * baseline and the generator warnings. Plain text markers (PASS, FAIL, too few samples, not measured, not
 * judged), no emoji, so it also reads well in a terminal.
 */
public final class MarkdownReportWriter {
    private MarkdownReportWriter() {}

    public static String render(CapacityReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### Capacity run `")
                .append(code(report.runId()))
                .append("`: **")
                .append(report.verdict())
                .append("**\n\n");
        md.append("Profile `")
                .append(code(report.profile()))
                .append("`, ")
                .append(cell(ReportFiles.Text.runners(report)))
                .append(", started ")
                .append(Instant.ofEpochMilli(report.startEpochMs()))
                .append(", ")
                .append((report.endEpochMs() - report.startEpochMs()) / 1000)
                .append(" s.\n\n");
        md.append("**")
                .append(report.verdict())
                .append("**: ")
                .append(cell(ReportFiles.Text.checks(report)))
                .append(".  \n");
        md.append(cell(ReportFiles.Text.knee(report))).append("  \n");
        md.append("Invariants: ").append(cell(InvariantText.summary(report))).append(".  \n");
        if (report.cleanup() != null) {
            md.append(report.cleanup().warning() == null ? "" : "**Warning**: ")
                    .append(cell(report.cleanup().summary()))
                    .append(".  \n");
        }
        for (String problem : report.runnerProblems()) {
            md.append("**Load short of the profile**: ").append(cell(problem)).append("  \n");
        }
        md.append(cell(ReportFiles.Text.cost(report.cost())));
        String transport = ReportFiles.Text.transport(report);
        if (!transport.isEmpty()) {
            md.append("  \n").append(cell(transport)).append('.');
        }
        if (report.rateLimitProbe() != null) {
            md.append("  \n").append(cell(ReportFiles.Text.rateLimitProbe(report.rateLimitProbe())));
        }
        md.append("\n\n");
        appendPhases(md, report.phases());
        appendInvariants(md, report);
        appendFunnel(md, report);
        appendSlos(md, report.phases());
        appendResourceWarnings(md, report.phases());
        appendComparison(md, report.comparison());
        appendWarnings(md, report.generatorWarnings());
        return md.toString();
    }

    private static void appendPhases(StringBuilder md, List<PhaseReport> phases) {
        md.append("| Phase | Offered | Sent | Achieved | p50 | p95 | p99 | max | Errors | SLOs |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (PhaseReport phase : phases) {
            row(
                    md,
                    phase.name(),
                    rps(phase.offeredRps()),
                    rps(phase.sentRps()),
                    rps(phase.achievedRps()),
                    ms(phase.p50Ms()),
                    ms(phase.p95Ms()),
                    ms(phase.p99Ms()),
                    ms(phase.maxMs()),
                    percent(phase.errorRate()),
                    sloSummary(phase));
        }
        md.append('\n');
    }

    /** The phase's outcome, naming the SLOs behind it, e.g. {@code FAIL: p99 latency}. */
    private static String sloSummary(PhaseReport phase) {
        String summary = switch (phase.outcome()) {
            case FAIL -> "FAIL: " + names(phase, SloOutcome.FAIL);
            case TOO_FEW_SAMPLES -> "too few samples: " + names(phase, SloOutcome.TOO_FEW_SAMPLES);
            default -> ReportFiles.Text.phaseOutcome(phase);
        };
        String notSettled = ReportFiles.Text.notSettled(phase);
        return notSettled.isEmpty() ? summary : summary + "; " + notSettled;
    }

    private static String names(PhaseReport phase, SloOutcome outcome) {
        return phase.slos().stream()
                .filter(slo -> slo.outcome() == outcome)
                .map(SloResult::name)
                .collect(Collectors.joining(", "));
    }

    /** Only the crossed thresholds: they are warnings, and a summary lists what needs a look. */
    private static void appendResourceWarnings(StringBuilder md, List<PhaseReport> phases) {
        List<String> crossed = phases.stream()
                .flatMap(phase -> phase.resources().stream()
                        .filter(CapacityReport.ResourceResult::crossed)
                        .map(resource -> "- " + cell(phase.name() + ": " + ReportFiles.Text.resourceOutcome(resource))))
                .toList();
        if (!crossed.isEmpty()) {
            md.append("Platform warnings (resources over their threshold):\n\n")
                    .append(String.join("\n", crossed))
                    .append("\n\n");
        }
    }

    /** One row per SLO, one column per phase: the measured value and pass/FAIL. */
    private static void appendSlos(StringBuilder md, List<PhaseReport> phases) {
        Map<String, SloResult[]> byName = new LinkedHashMap<>();
        for (int column = 0; column < phases.size(); column++) {
            for (SloResult slo : phases.get(column).slos()) {
                byName.computeIfAbsent(slo.name(), name -> new SloResult[phases.size()])[column] = slo;
            }
        }
        if (byName.isEmpty()) {
            return;
        }
        md.append("| SLO | Threshold |");
        phases.forEach(phase -> md.append(' ').append(cell(phase.name())).append(" |"));
        md.append("\n|---|--:|").append("--:|".repeat(phases.size())).append('\n');
        for (Map.Entry<String, SloResult[]> slo : byName.entrySet()) {
            md.append("| ")
                    .append(cell(slo.getKey()))
                    .append(" | ")
                    .append(threshold(slo.getValue()))
                    .append(" |");
            for (int column = 0; column < phases.size(); column++) {
                SloResult result = slo.getValue()[column];
                String text = result != null
                        ? verdictCell(result)
                        : phases.get(column).judged() ? "" : ReportFiles.Text.NOT_JUDGED;
                md.append(' ').append(text).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String threshold(SloResult[] results) {
        for (SloResult result : results) {
            if (result != null) {
                return ReportFiles.Text.threshold(result.metric(), result.threshold());
            }
        }
        throw new IllegalStateException("an SLO row always has a result");
    }

    private static String verdictCell(SloResult slo) {
        String value = ReportFiles.Text.metricValue(slo.metric(), slo.value());
        return switch (slo.outcome()) {
            case PASS -> value + " pass";
            case FAIL -> value + " **FAIL**";
            case TOO_FEW_SAMPLES -> value + " **too few samples** (" + cell(ReportFiles.Text.bounds(slo)) + ")";
        };
    }

    /** The broken rules, then per phase baseline → this run, with broken figures in bold. */
    private static void appendComparison(StringBuilder md, Comparison comparison) {
        if (comparison == null) {
            return;
        }
        md.append("#### ").append(cell(ReportFiles.Text.comparison(comparison))).append("\n\n");
        for (RuleCheck broken : comparison.broken()) {
            md.append("- **REGRESSED**: ")
                    .append(cell(ReportFiles.Text.ruleCheck(broken)))
                    .append('\n');
        }
        if (comparison.kneeRps() != null) {
            md.append(comparison.broken().isEmpty() ? "" : "\n")
                    .append("Knee: ")
                    .append(marked(
                            ReportFiles.Text.delta(comparison.kneeRps(), ReportFiles.Text::rps),
                            comparison.broke(RegressionRules.KNEE_DECREASE, Comparison.KNEE)))
                    .append("\n");
        }
        md.append("\n| Phase | p50 | p95 | p99 | max | Errors | Achieved |\n|---|--:|--:|--:|--:|--:|--:|\n");
        for (PhaseDelta phase : comparison.phases()) {
            md.append("| ")
                    .append(cell(phase.phase()))
                    .append(" | ")
                    .append(cell(ReportFiles.Text.delta(phase.p50Ms(), ReportFiles.Text::ms)))
                    .append(" | ")
                    .append(cell(ReportFiles.Text.delta(phase.p95Ms(), ReportFiles.Text::ms)))
                    .append(" | ")
                    .append(marked(
                            ReportFiles.Text.delta(phase.p99Ms(), ReportFiles.Text::ms),
                            comparison.broke(RegressionRules.P99_INCREASE, phase.phase())))
                    .append(" | ")
                    .append(cell(ReportFiles.Text.delta(phase.maxMs(), ReportFiles.Text::ms)))
                    .append(" | ")
                    .append(marked(
                            ReportFiles.Text.errorRateDelta(phase.errorRate()),
                            comparison.broke(RegressionRules.ERROR_RATE_INCREASE, phase.phase())))
                    .append(" | ")
                    .append(cell(ReportFiles.Text.delta(phase.achievedRps(), ReportFiles.Text::rps)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String marked(String text, boolean regressed) {
        return regressed ? "**" + cell(text) + "**" : cell(text);
    }

    private static void appendInvariants(StringBuilder md, CapacityReport report) {
        if (report.invariants().isEmpty()) {
            return;
        }
        md.append("#### Invariants of the sale\n\n");
        row(md, "Invariant", "Checked on", "Violations", "Verdict", "Examples");
        md.append("|---|---|--:|---|---|\n");
        for (CapacityReport.InvariantReport invariant : report.invariants()) {
            row(
                    md,
                    invariant.name(),
                    InvariantText.checkedOn(invariant),
                    Long.toString(invariant.violations()),
                    ReportFiles.Text.passOrFail(invariant.pass()),
                    InvariantText.examples(invariant));
        }
        md.append('\n');
    }

    private static void appendFunnel(StringBuilder md, CapacityReport report) {
        if (report.funnel() == null) {
            return;
        }
        md.append("#### Purchase funnel\n\n")
                .append(cell(FunnelText.scope(report.funnel())))
                .append(".\n\n");
        row(md, FunnelText.HEADER.toArray(String[]::new));
        md.append("|---|").append("--:|".repeat(FunnelText.HEADER.size() - 1)).append('\n');
        for (FunnelReport.Phase phase : report.funnel().phases()) {
            row(md, FunnelText.cells(phase).toArray(String[]::new));
        }
        md.append('\n');
    }

    private static void appendWarnings(StringBuilder md, List<GeneratorWarning> warnings) {
        if (warnings.isEmpty()) {
            md.append("Generator warnings: none, the load generator kept to the schedule.\n");
            return;
        }
        md.append("Generator warnings (the load generator, not the platform, fell short):\n\n");
        for (GeneratorWarning warning : warnings) {
            md.append("- ")
                    .append(ReportFiles.Text.seconds(warning.fromSecond(), warning.toSecond()))
                    .append(": ")
                    .append(cell(warning.reason()))
                    .append('\n');
        }
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell(cell)).append(" |");
        }
        md.append('\n');
    }

    /**
     * Text safe in a table cell: a pipe would end the cell, a line break the row, and GitHub renders
     * inline HTML and Markdown emphasis in names that are not meant as markup.
     */
    private static String cell(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replaceAll("\\R", " ");
    }

    /** Inside backticks only the backtick itself and line breaks matter. */
    private static String code(String text) {
        return text.replace("`", "'").replaceAll("\\R", " ");
    }
}
