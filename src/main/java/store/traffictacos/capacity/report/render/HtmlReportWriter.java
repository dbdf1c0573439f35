package store.traffictacos.capacity.report.render;

import static store.traffictacos.capacity.report.render.ReportFiles.Text.ms;
import static store.traffictacos.capacity.report.render.ReportFiles.Text.percent;
import static store.traffictacos.capacity.report.render.ReportFiles.Text.rps;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.EndpointReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.ResourceResult;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.PhaseDelta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.settings.RegressionRules;

/**
 * Renders {@code report.html}: one self-contained file that opens offline and can be attached to a
 * ticket or CI run as is. Styles are inline, the {@link Charts} are embedded as PNG data URIs, and
 * nothing refers to another file or URL. Every text from the report is HTML-escaped.
 */
public final class HtmlReportWriter {
    private static final int CHART_WIDTH = 1200;
    private static final int TIME_CHART_HEIGHT = 380;
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#222;max-width:1260px}
            h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
            .meta{color:#555;margin-top:0}
            .knee{border:2px solid;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
            .knee.pass{border-color:#2e7d32;background:#edf7ee}.knee.fail{border-color:#c62828;background:#fdecea}
            .verdict{font-size:1.4rem;font-weight:bold;margin-right:1rem}
            .knee p{margin:.3rem 0}
            figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #ddd}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right;white-space:nowrap}
            th{background:#f3f3f3;text-align:center}td.name,th.name{text-align:left}
            td.pass{color:#2e7d32}td.fail{color:#fff;background:#c62828;font-weight:bold}
            td.unsure{background:#fff3cd;font-weight:bold}td.idle{color:#777}
            .knee.unsure{border-color:#b8860b;background:#fff8e1}
            p.note{color:#555;margin:.3rem 0}
            """;

    private HtmlReportWriter() {}

    public static String render(CapacityReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Capacity report ")
                .append(escape(report.runId()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        appendHeader(html, report);
        appendKnee(html, report);
        html.append("<h2>Timeline</h2>\n");
        appendChart(
                html,
                Charts.throughput(report, CHART_WIDTH, TIME_CHART_HEIGHT),
                "Offered, sent and achieved requests per second");
        appendChart(
                html,
                Charts.latency(report, CHART_WIDTH, TIME_CHART_HEIGHT),
                "Latency percentiles per second with the p99 SLO threshold");
        if (Charts.anyErrors(report)) {
            appendChart(html, Charts.errors(report, CHART_WIDTH, TIME_CHART_HEIGHT), "Errors per second by kind");
        } else {
            html.append("<p class=\"note\">Errors: none, every response was ok.</p>\n");
        }
        appendPlatform(html, report);
        appendPhases(html, report);
        appendInvariants(html, report);
        appendFunnel(html, report);
        appendSlos(html, report);
        appendResources(html, report);
        appendComparison(html, report);
        appendTrend(html, report);
        html.append("<h2>Endpoints</h2>\n");
        // Enough height for three readable bars per endpoint.
        int endpointChartHeight = Math.max(300, 120 + 60 * report.endpoints().size());
        appendChart(html, Charts.endpointLatency(report, CHART_WIDTH, endpointChartHeight), "Latency per endpoint");
        appendEndpoints(html, report);
        appendWarnings(html, report);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendHeader(StringBuilder html, CapacityReport report) {
        html.append("<h1>Capacity report ").append(escape(report.runId())).append("</h1>\n");
        html.append("<p class=\"meta\">Profile ")
                .append(escape(report.profile()))
                .append(", ")
                .append(escape(ReportFiles.Text.runners(report)))
                .append(", started ")
                .append(Instant.ofEpochMilli(report.startEpochMs()))
                .append(", ")
                .append((report.endEpochMs() - report.startEpochMs()) / 1000)
                .append(" s. Statistics leave out the first ")
                .append(report.slos().settleSeconds())
                .append(" s of each judged phase (shaded in the charts)")
                .append(
                        report.phases().stream().allMatch(PhaseReport::judged)
                                ? ""
                                : "; a phase not judged (a warm-up) is shown whole and counts in no verdict and no knee")
                .append(".</p>\n");
        String transport = ReportFiles.Text.transport(report);
        if (!transport.isEmpty()) {
            html.append("<p class=\"meta\">").append(escape(transport)).append(".</p>\n");
        }
        if (report.rateLimitProbe() != null) {
            html.append("<p class=\"meta\">")
                    .append(escape(ReportFiles.Text.rateLimitProbe(report.rateLimitProbe())))
                    .append("</p>\n");
        }
        if (report.cleanup() != null) {
            html.append(report.cleanup().warning() == null ? "<p class=\"meta\">" : "<p class=\"meta\">Warning: ")
                    .append(escape(report.cleanup().summary()))
                    .append(".</p>\n");
        }
    }

    private static void appendKnee(StringBuilder html, CapacityReport report) {
        String style = switch (report.verdict()) {
            case PASS -> "pass";
            case INCONCLUSIVE -> "unsure";
            case FAIL, REGRESSED -> "fail";
        };
        html.append("<div class=\"knee ")
                .append(style)
                .append("\">\n<p><span class=\"verdict\">")
                .append(report.verdict())
                .append("</span>")
                .append(escape(ReportFiles.Text.checks(report)))
                .append("</p>\n<p>")
                .append(escape(ReportFiles.Text.knee(report)))
                .append("</p>\n");
        for (PhaseReport phase : report.phases()) {
            for (SloResult slo : phase.slos()) {
                if (slo.outcome() != SloOutcome.PASS) {
                    html.append("<p>")
                            .append(escape(phase.name()))
                            .append(": ")
                            .append(escape(ReportFiles.Text.sloOutcome(slo)))
                            .append("</p>\n");
                }
            }
            String notSettled = ReportFiles.Text.notSettled(phase);
            if (!notSettled.isEmpty()) {
                html.append("<p>")
                        .append(escape(phase.name()))
                        .append(": ")
                        .append(escape(notSettled))
                        .append(", so it does not count for the knee</p>\n");
            }
        }
        for (String problem : report.runnerProblems()) {
            html.append("<p>Load short of the profile: ")
                    .append(escape(problem))
                    .append("</p>\n");
        }
        for (PhaseReport phase : report.phases()) {
            for (ResourceResult resource : phase.resources()) {
                if (resource.crossed()) {
                    html.append("<p>")
                            .append(escape(phase.name()))
                            .append(": warning, ")
                            .append(escape(ReportFiles.Text.resourceOutcome(resource)))
                            .append("</p>\n");
                }
            }
        }
        if (report.comparison() != null) {
            html.append("<p>")
                    .append(escape(ReportFiles.Text.comparison(report.comparison())))
                    .append("</p>\n");
            for (RuleCheck broken : report.comparison().broken()) {
                html.append("<p>Regression: ")
                        .append(escape(ReportFiles.Text.ruleCheck(broken)))
                        .append("</p>\n");
            }
        }
        html.append("<p>").append(escape(ReportFiles.Text.cost(report.cost()))).append("</p>\n");
        html.append("</div>\n");
    }

    private static void appendChart(StringBuilder html, byte[] png, String description) {
        // The size the picture has: a PNG starts with its IHDR chunk, whose width and height are the
        // big-endian ints at bytes 16 and 20.
        ByteBuffer header = ByteBuffer.wrap(png);
        html.append("<figure><img alt=\"")
                .append(escape(description))
                .append("\" width=\"")
                .append(header.getInt(16))
                .append("\" height=\"")
                .append(header.getInt(20))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"></figure>\n");
    }

    private static void appendPhases(StringBuilder html, CapacityReport report) {
        html.append("<h2>Phases</h2>\n<table>\n");
        headerRow(
                html,
                "Phase",
                "Seconds",
                "Offered",
                "Sent",
                "Achieved",
                "Requests",
                "p50",
                "p95",
                "p99",
                "max",
                "Errors",
                "Errors by kind",
                "Generator",
                "Settled",
                "Verdict");
        for (PhaseReport phase : report.phases()) {
            html.append("<tr>");
            nameCell(html, phase.name());
            cells(
                    html,
                    ReportFiles.Text.seconds(phase.startSecond(), phase.endSecond()),
                    rps(phase.offeredRps()),
                    rps(phase.sentRps()),
                    rps(phase.achievedRps()),
                    Long.toString(phase.requests()),
                    ms(phase.p50Ms()),
                    ms(phase.p95Ms()),
                    ms(phase.p99Ms()),
                    ms(phase.maxMs()),
                    percent(phase.errorRate()));
            nameCell(html, errorsByKind(phase.errorsByKind()));
            // behind its schedule, short of CPU, or refused by the per-client limit: the warnings say which
            nameCell(html, phase.generatorLimited() ? "held back (see the generator warnings)" : "kept up");
            nameCell(html, phase.judged() ? ReportFiles.Text.settling(phase) : "");
            outcomeCell(html, phase);
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String errorsByKind(Map<String, Long> errors) {
        return errors.isEmpty()
                ? "none"
                : errors.entrySet().stream()
                        .map(error -> error.getKey() + ": " + error.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static void appendSlos(StringBuilder html, CapacityReport report) {
        html.append("<h2>SLOs</h2>\n<table>\n");
        headerRow(html, "Phase", "SLO", "Measured", "Confidence", "Threshold", "Result");
        for (PhaseReport phase : report.phases()) {
            if (!phase.judged()) {
                html.append("<tr>");
                nameCell(html, phase.name());
                html.append("<td class=\"name idle\" colspan=\"5\">")
                        .append(escape(ReportFiles.Text.NOT_JUDGED))
                        .append("</td></tr>\n");
                continue;
            }
            for (SloResult slo : phase.slos()) {
                html.append("<tr>");
                nameCell(html, phase.name());
                nameCell(html, slo.name());
                cells(
                        html,
                        ReportFiles.Text.metricValue(slo.metric(), slo.value()),
                        slo.lowerBound() == null && slo.upperBound() == null ? "" : ReportFiles.Text.bounds(slo),
                        ReportFiles.Text.threshold(slo.metric(), slo.threshold()));
                resultCell(
                        html,
                        ReportFiles.Text.sloResult(slo),
                        switch (slo.outcome()) {
                            case PASS -> "pass";
                            case FAIL -> "fail";
                            case TOO_FEW_SAMPLES -> "unsure";
                        });
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n");
    }

    /** Warnings, not SLOs: a crossed threshold is flagged but does not fail the phase. */
    private static void appendResources(StringBuilder html, CapacityReport report) {
        if (report.phases().stream().allMatch(phase -> phase.resources().isEmpty())) {
            return;
        }
        html.append("<h2>Platform thresholds</h2>\n<p>Warnings beside the SLOs: the highest sample in each phase's ")
                .append("judged seconds. ")
                .append(ReportFiles.Text.crossedResources(report))
                .append(" crossed.</p>\n<table>\n");
        headerRow(html, "Phase", "Resource", "Series", "Highest", "Threshold", "Crossed at", "Result");
        for (PhaseReport phase : report.phases()) {
            for (ResourceResult resource : phase.resources()) {
                html.append("<tr>");
                nameCell(html, phase.name());
                nameCell(html, resource.name());
                nameCell(html, resource.series());
                cells(
                        html,
                        ReportFiles.Text.platformValue(resource.value(), resource.unit()),
                        "> " + ReportFiles.Text.platformValue(resource.threshold(), resource.unit()),
                        resource.crossed() ? "second " + Math.round(resource.crossedAtSecond()) : "");
                html.append("<td class=\"")
                        .append(resource.crossed() ? "fail" : "pass")
                        .append("\">")
                        .append(resource.crossed() ? "WARN" : "ok")
                        .append("</td>");
                html.append("</tr>\n");
            }
        }
        html.append("</table>\n");
    }

    /** Per phase then and now, the cells of broken rules highlighted, then every rule checked. */
    private static void appendComparison(StringBuilder html, CapacityReport report) {
        Comparison comparison = report.comparison();
        if (comparison == null) {
            return;
        }
        html.append("<h2>Compared with baseline ")
                .append(escape(comparison.baselineRunId()))
                .append("</h2>\n<p>Baseline started ")
                .append(Instant.ofEpochMilli(comparison.baselineStartEpochMs()))
                .append("; each cell: baseline → this run.</p>\n");
        if (comparison.kneeRps() != null) {
            boolean broke = comparison.broke(RegressionRules.KNEE_DECREASE, Comparison.KNEE);
            html.append("<table>\n");
            headerRow(html, "Knee");
            html.append("<tr>");
            deltaCell(html, ReportFiles.Text.delta(comparison.kneeRps(), ReportFiles.Text::rps), broke);
            html.append("</tr>\n</table>\n");
        }
        html.append("<table>\n");
        headerRow(html, "Phase", "p50", "p95", "p99", "max", "Errors", "Achieved");
        for (PhaseDelta phase : comparison.phases()) {
            html.append("<tr>");
            nameCell(html, phase.phase());
            cells(
                    html,
                    ReportFiles.Text.delta(phase.p50Ms(), ReportFiles.Text::ms),
                    ReportFiles.Text.delta(phase.p95Ms(), ReportFiles.Text::ms));
            deltaCell(
                    html,
                    ReportFiles.Text.delta(phase.p99Ms(), ReportFiles.Text::ms),
                    comparison.broke(RegressionRules.P99_INCREASE, phase.phase()));
            cells(html, ReportFiles.Text.delta(phase.maxMs(), ReportFiles.Text::ms));
            deltaCell(
                    html,
                    ReportFiles.Text.errorRateDelta(phase.errorRate()),
                    comparison.broke(RegressionRules.ERROR_RATE_INCREASE, phase.phase()));
            cells(html, ReportFiles.Text.delta(phase.achievedRps(), ReportFiles.Text::rps));
            html.append("</tr>\n");
        }
        html.append("</table>\n<table>\n");
        headerRow(html, "Regression check", "Result");
        for (RuleCheck check : comparison.checks()) {
            html.append("<tr>");
            nameCell(html, ReportFiles.Text.ruleCheck(check));
            verdictCell(html, !check.broken());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendTrend(StringBuilder html, CapacityReport report) {
        if (report.trend().isEmpty()) {
            return;
        }
        html.append("<h2>Trend</h2>\n");
        if (report.trend().size() < 2) {
            html.append("<p>No earlier runs in the history: a trend needs at least 2 runs.</p>\n");
            return;
        }
        appendChart(
                html,
                Charts.trend(report, CHART_WIDTH, TIME_CHART_HEIGHT),
                "Capacity knee and peak p99 of the last " + report.trend().size() + " runs");
    }

    private static void deltaCell(StringBuilder html, String text, boolean regressed) {
        html.append(regressed ? "<td class=\"fail\">" : "<td>")
                .append(escape(text))
                .append("</td>");
    }

    private static void appendEndpoints(StringBuilder html, CapacityReport report) {
        html.append("<table>\n");
        headerRow(html, "Endpoint", "Requests", "p50", "p95", "p99", "max", "Errors");
        for (EndpointReport endpoint : report.endpoints()) {
            html.append("<tr>");
            nameCell(html, endpoint.endpoint());
            cells(
                    html,
                    Long.toString(endpoint.requests()),
                    ms(endpoint.p50Ms()),
                    ms(endpoint.p95Ms()),
                    ms(endpoint.p99Ms()),
                    ms(endpoint.maxMs()),
                    percent(endpoint.errorRate()));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** One chart per source and unit, on the same time axis as the load; then what could not be read. */
    private static void appendPlatform(StringBuilder html, CapacityReport report) {
        if (report.platform().isEmpty() && report.platformUnavailable().isEmpty()) {
            return;
        }
        html.append("<h2>Platform</h2>\n");
        report.platform().stream()
                .map(series -> List.of(series.source(), series.unit()))
                .distinct()
                .forEach(group -> appendPlatformGroup(html, report, group.get(0), group.get(1)));
        if (!report.platformUnavailable().isEmpty()) {
            html.append("<table>\n");
            headerRow(html, "Source", "Unavailable because");
            report.platformUnavailable().forEach((source, reason) -> {
                html.append("<tr>");
                cells(html, source);
                nameCell(html, reason);
                html.append("</tr>\n");
            });
            html.append("</table>\n");
        }
    }

    /** A chart of a source's series of one unit that moved; a line for each that stayed 0. */
    private static void appendPlatformGroup(StringBuilder html, CapacityReport report, String source, String unit) {
        List<CapacityReport.PlatformSeries> group = report.platform().stream()
                .filter(series ->
                        series.source().equals(source) && series.unit().equals(unit))
                .toList();
        List<String> moved = group.stream()
                .filter(series -> !Charts.flatZero(series))
                .map(CapacityReport.PlatformSeries::series)
                .toList();
        if (!moved.isEmpty()) {
            appendChart(
                    html,
                    Charts.platform(report, source, unit, CHART_WIDTH, TIME_CHART_HEIGHT),
                    Charts.platformTitle(source, unit, moved) + " during the run");
        }
        group.stream()
                .filter(Charts::flatZero)
                .forEach(series -> html.append("<p class=\"note\">")
                        .append(escape(Charts.platformTitle(source, unit, List.of(series.series()))))
                        .append(": 0 throughout the run")
                        .append(series.series().contains("/") ? " (" + escape(series.series()) + ")" : "")
                        .append(".</p>\n"));
    }

    private static void appendInvariants(StringBuilder html, CapacityReport report) {
        if (report.invariants().isEmpty()) {
            html.append("<h2>Invariants of the sale</h2>\n<p>Invariants ")
                    .append(escape(InvariantText.NOT_CHECKED))
                    .append(".</p>\n");
            return;
        }
        html.append("<h2>Invariants of the sale</h2>\n<p>")
                .append(escape(InvariantText.summary(report)))
                .append(", checked on what every runner's journeys saw the platform answer.</p>\n<table>\n");
        headerRow(html, "Invariant", "Checked on", "Violations", "Verdict", "Examples");
        for (CapacityReport.InvariantReport invariant : report.invariants()) {
            html.append("<tr>");
            nameCell(html, invariant.name() + ": " + invariant.description());
            cells(html, InvariantText.checkedOn(invariant), Long.toString(invariant.violations()));
            verdictCell(html, invariant.pass());
            nameCell(html, InvariantText.examples(invariant));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendFunnel(StringBuilder html, CapacityReport report) {
        if (report.funnel() == null) {
            return;
        }
        html.append("<h2>Purchase funnel</h2>\n<p>")
                .append(escape(FunnelText.scope(report.funnel())))
                .append(".</p>\n");
        appendChart(
                html,
                Charts.funnel(report, CHART_WIDTH, TIME_CHART_HEIGHT),
                "Share of the journeys that set out to purchase reaching each stage, per phase");
        html.append("<table>\n");
        headerRow(html, FunnelText.HEADER.toArray(String[]::new));
        for (FunnelReport.Phase phase : report.funnel().phases()) {
            List<String> cells = FunnelText.cells(phase);
            html.append("<tr>");
            nameCell(html, cells.get(0));
            cells(html, cells.subList(1, cells.size()).toArray(String[]::new));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendWarnings(StringBuilder html, CapacityReport report) {
        html.append("<h2>Generator warnings</h2>\n");
        if (report.generatorWarnings().isEmpty()) {
            html.append("<p>None: the load generator kept to the schedule.</p>\n");
            return;
        }
        html.append("<p>Seconds where the load generator, not the platform, fell short.</p>\n<table>\n");
        headerRow(html, "Seconds", "Reason");
        for (GeneratorWarning warning : report.generatorWarnings()) {
            html.append("<tr>");
            cells(html, ReportFiles.Text.seconds(warning.fromSecond(), warning.toSecond()));
            nameCell(html, warning.reason());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void headerRow(StringBuilder html, String... names) {
        html.append("<tr>");
        for (String name : names) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n");
    }

    private static void cells(StringBuilder html, String... values) {
        for (String value : values) {
            html.append("<td>").append(escape(value)).append("</td>");
        }
    }

    private static void nameCell(StringBuilder html, String text) {
        html.append("<td class=\"name\">").append(escape(text)).append("</td>");
    }

    private static void verdictCell(StringBuilder html, boolean pass) {
        resultCell(html, ReportFiles.Text.passOrFail(pass), pass ? "pass" : "fail");
    }

    private static void outcomeCell(StringBuilder html, PhaseReport phase) {
        resultCell(
                html,
                ReportFiles.Text.phaseOutcome(phase),
                switch (phase.outcome()) {
                    case PASS -> "pass";
                    case FAIL -> "fail";
                    case TOO_FEW_SAMPLES, NOT_MEASURED -> "unsure";
                    case NOT_JUDGED -> "idle";
                });
    }

    private static void resultCell(StringBuilder html, String text, String style) {
        html.append("<td class=\"")
                .append(style)
                .append("\">")
                .append(escape(text))
                .append("</td>");
    }

    /** The five characters that could end text and start markup, in element content or attributes. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
