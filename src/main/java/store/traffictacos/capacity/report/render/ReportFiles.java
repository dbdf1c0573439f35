package store.traffictacos.capacity.report.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.ResourceResult;
import store.traffictacos.capacity.report.model.CapacityReport.Settling;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.Delta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * Writes the four renderings of one {@link CapacityReport} into a run directory:
 * {@value #JSON_FILE}, {@value #JUNIT_FILE}, {@value #MARKDOWN_FILE} and {@value #HTML_FILE}.
 */
public final class ReportFiles {
    public static final String JSON_FILE = "report.json";
    public static final String JUNIT_FILE = "junit.xml";
    public static final String MARKDOWN_FILE = "summary.md";
    public static final String HTML_FILE = "report.html";

    private ReportFiles() {}

    /** The knee in one sentence, as the reports say it, for consoles. */
    public static String kneeLine(CapacityReport report) {
        return Text.knee(report);
    }

    /** The sale's invariants in one line when one broke (the verdict's reason whatever the latencies), else null. */
    public static String invariantsLine(CapacityReport report) {
        return report.brokenInvariants().isEmpty() ? null : InvariantText.summary(report);
    }

    /** The baseline comparison in one sentence with the broken rules, or null without a baseline. */
    public static String comparisonLine(CapacityReport report) {
        Comparison comparison = report.comparison();
        if (comparison == null) {
            return null;
        }
        String broken = comparison.broken().stream().map(Text::ruleCheck).collect(Collectors.joining("; "));
        return Text.comparison(comparison) + (broken.isEmpty() ? "" : ": " + broken);
    }

    /**
     * Renders every file first and only then writes them, each through a temporary file moved into
     * place, so a rendering failure writes nothing and a reader never sees a half-written file.
     *
     * @return the path of {@value #HTML_FILE}
     */
    public static Path writeAll(Path runDir, CapacityReport report) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON_FILE, JsonReportWriter.render(report));
        files.put(JUNIT_FILE, JunitReportWriter.render(report));
        files.put(MARKDOWN_FILE, MarkdownReportWriter.render(report));
        files.put(HTML_FILE, HtmlReportWriter.render(report));
        Files.createDirectories(runDir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            writeAtomically(runDir.resolve(file.getKey()), file.getValue());
        }
        return runDir.resolve(HTML_FILE);
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        // Same directory as the target, so the move is a rename on the same file system; not
        // createTempFile, whose owner-only permissions would stick to the report after the move.
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Numbers and sentences the human-readable renderings (Markdown, HTML, JUnit messages) share. */
    static final class Text {
        /** How a phase that is not judged reads everywhere. */
        static final String NOT_JUDGED = "warm-up, not judged";

        private Text() {}

        static String ms(double value) {
            return number(value) + " ms";
        }

        static String rps(double value) {
            return number(value) + " req/s";
        }

        /** A fraction as a percentage; a non-zero rate too small to show is not rounded to 0. */
        static String percent(double fraction) {
            if (fraction > 0 && fraction < 0.0001) {
                return "< 0.01 %";
            }
            return number(fraction * 100) + " %";
        }

        /**
         * An SLO value in its metric's unit: a percentage for a rate or a completion, seconds for a metric in
         * seconds ({@code _s}), milliseconds otherwise.
         */
        static String metricValue(String metric, double value) {
            if (metric.endsWith("_rate") || metric.endsWith("_completion")) {
                return percent(value);
            }
            return metric.endsWith("_s") ? number(value) + " s" : ms(value);
        }

        /** How an SLO's threshold reads, with the side its metric must stay on: {@code < 100 ms}, {@code > 60 %}. */
        static String threshold(String metric, double threshold) {
            return (SloSet.Metric.ofKey(metric).mustStayAbove() ? "> " : "< ") + metricValue(metric, threshold);
        }

        /**
         * E.g. {@code p99 latency: measured 180.4 ms, threshold 100 ms}; a percentile with its confidence
         * bounds, e.g. {@code p99 latency: measured 36.9 ms (95 % bounds 20.1 ms – none, 60 samples),
         * threshold 100 ms: too few samples}.
         */
        static String sloOutcome(SloResult slo) {
            String bounds = slo.lowerBound() == null && slo.upperBound() == null
                    ? ""
                    : " (" + bounds(slo) + ", " + count(slo.samples()) + " samples)";
            String tooFew = slo.outcome() == SloOutcome.TOO_FEW_SAMPLES ? ": too few samples" : "";
            // a share that must stay above says so; every other threshold is an upper bound, as it always read
            String threshold = SloSet.Metric.ofKey(slo.metric()).mustStayAbove()
                    ? threshold(slo.metric(), slo.threshold())
                    : metricValue(slo.metric(), slo.threshold());
            return slo.name() + ": measured " + metricValue(slo.metric(), slo.value()) + bounds + ", threshold "
                    + threshold + tooFew;
        }

        /** E.g. {@code 95 % bounds 20.1 ms – none}: none where too few samples bound the percentile. */
        static String bounds(SloResult slo) {
            if (SloSet.Metric.ofKey(slo.metric()).ofJourneys()) {
                if (slo.lowerBound() == null || slo.upperBound() == null) {
                    return slo.samples() == 0
                            ? "no journeys: no funnel, or none in the phase"
                            : "no unfinished journeys";
                }
                // not a confidence: the journeys still on their way when the runners stopped could go either way
                return "with the unfinished journeys between " + metricValue(slo.metric(), slo.lowerBound()) + " and "
                        + metricValue(slo.metric(), slo.upperBound());
            }
            return number(SloResult.CONFIDENCE * 100) + " % bounds "
                    + (slo.lowerBound() == null ? "none" : metricValue(slo.metric(), slo.lowerBound())) + " – "
                    + (slo.upperBound() == null ? "none" : metricValue(slo.metric(), slo.upperBound()));
        }

        /** A count with thousands grouped, e.g. {@code 12,400}. */
        static String count(long value) {
            return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }

        /** An SLO's result in a word: {@code pass}, {@code FAIL} or {@code too few samples}. */
        static String sloResult(SloResult slo) {
            return switch (slo.outcome()) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case TOO_FEW_SAMPLES -> "too few samples";
            };
        }

        /** What a phase shows, in a few words (see {@link PhaseOutcome}). */
        static String phaseOutcome(PhaseReport phase) {
            return switch (phase.outcome()) {
                case PASS -> "pass";
                case FAIL -> "FAIL";
                case TOO_FEW_SAMPLES -> "too few samples";
                case NOT_MEASURED -> "not measured (the load test's own limit)";
                case NOT_JUDGED -> NOT_JUDGED;
            };
        }

        /** E.g. {@code not settled: p99 84 ms → 117 ms}; empty for a settled or untested phase. */
        static String notSettled(PhaseReport phase) {
            Settling settling = phase.settling();
            return settling == null || settling.settled()
                    ? ""
                    : "not settled: p99 " + ms(settling.firstThirdP99Ms()) + " → " + ms(settling.lastThirdP99Ms());
        }

        /** E.g. {@code settled (p99 84 ms → 90 ms)}, {@code not settled: ...}, or {@code not tested}. */
        static String settling(PhaseReport phase) {
            Settling settling = phase.settling();
            if (settling == null) {
                return "not tested";
            }
            return settling.settled()
                    ? "settled (p99 " + ms(settling.firstThirdP99Ms()) + " → " + ms(settling.lastThirdP99Ms()) + ")"
                    : notSettled(phase);
        }

        /** E.g. {@code 180.4 ms → 198.5 ms (+18.1 ms, +10 %)}, each value in {@code unit}. */
        static String delta(Delta delta, DoubleFunction<String> unit) {
            String relative = delta.changePercent() == null ? "" : ", " + signedPercent(delta.changePercent());
            return unit.apply(delta.baseline()) + " → " + unit.apply(delta.current()) + " (" + sign(delta.change())
                    + unit.apply(Math.abs(delta.change())) + relative + ")";
        }

        /** E.g. {@code 0.2 % → 0.8 % (+0.6 pp)}: a rate's change in percentage points, not relative. */
        static String errorRateDelta(Delta delta) {
            return percent(delta.baseline()) + " → " + percent(delta.current()) + " ("
                    + percentagePoints(delta.change()) + ")";
        }

        /** E.g. {@code peak p99 +11.2 % (limit +10 %)}. */
        static String ruleCheck(RuleCheck check) {
            return switch (check.rule()) {
                case RegressionRules.P99_INCREASE ->
                    check.subject() + " p99 " + signedPercent(check.change()) + " (limit +" + number(check.limit())
                            + " %)";
                case RegressionRules.KNEE_DECREASE ->
                    "knee " + signedPercent(check.change()) + " (limit -" + number(check.limit()) + " %)";
                case RegressionRules.ERROR_RATE_INCREASE ->
                    check.subject() + " error rate " + percentagePoints(check.change()) + " (limit +"
                            + number(check.limit() * 100) + " pp)";
                default -> throw new IllegalStateException("unknown regression rule " + check.rule());
            };
        }

        /** E.g. {@code Compared with baseline ci-1200: 1 of 7 regression checks broken}. */
        static String comparison(Comparison comparison) {
            return "Compared with baseline " + comparison.baselineRunId() + ": "
                    + comparison.broken().size() + " of " + comparison.checks().size() + " regression checks broken";
        }

        /** E.g. {@code Cost: n/a (no node series: ...)} or {@code Cost: $12.40 for the run, ...}. */
        static String cost(Cost cost) {
            if (cost == null) {
                return "Cost: n/a (not computed)";
            }
            if (cost.runUsd() == null) {
                return "Cost: n/a (" + cost.note() + ")";
            }
            String perMillion =
                    cost.perMillionRequestsAtKneeUsd() == null ? "n/a" : usd(cost.perMillionRequestsAtKneeUsd());
            return "Cost: " + usd(cost.runUsd()) + " for the run, " + perMillion + " per million requests at the knee ("
                    + cost.note() + ")";
        }

        static String usd(double value) {
            return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }

        private static String signedPercent(double percent) {
            return sign(percent) + number(Math.abs(percent)) + " %";
        }

        private static String percentagePoints(double fraction) {
            return sign(fraction) + number(Math.abs(fraction) * 100) + " pp";
        }

        private static String sign(double change) {
            return change > 0 ? "+" : change < 0 ? "-" : "±";
        }

        /**
         * A phase can fail where no knee window did: an SLO broken while the generator fell behind (its
         * windows locate no knee) or one judged over the phase only (an endpoint's, a journey's). The knee
         * line says so, so that it never reads as if nothing failed under a FAIL verdict.
         */
        private static String phasesFailedOutsideTheKnee(CapacityReport report) {
            List<PhaseReport> failed = report.phases().stream()
                    .filter(phase -> phase.judged() && phase.outcome() == PhaseOutcome.FAIL)
                    .toList();
            if (failed.isEmpty()) {
                return "";
            }
            PhaseReport first = failed.get(0);
            String why = first.slos().stream()
                            .filter(slo -> slo.outcome() == SloOutcome.FAIL)
                            .map(SloResult::name)
                            .collect(Collectors.joining(", "))
                    + (first.generatorLimited() ? ", while the load test fell behind its schedule" : "");
            return failed.size() == 1
                    ? ", yet phase " + first.name() + " failed (" + why + ")"
                    : ", yet " + failed.size() + " phases failed, the first " + first.name() + " (" + why + ")";
        }

        static String passOrFail(boolean pass) {
            return pass ? "pass" : "FAIL";
        }

        /**
         * The knee as found, e.g. {@code Capacity knee: 400 req/s, limited by p99 latency}, or {@code
         * Capacity knee: no SLO failed up to 700 req/s} when nothing failed; when there is none, why
         * ({@link KneeReason}), never a rate that was not found to hold.
         */
        static String knee(CapacityReport report) {
            Knee knee = report.knee();
            String resource = knee.resource() == null ? "" : "; first resource to give out: " + knee.resource();
            String failedAt = knee.failedAtRps() == null ? "" : " (" + rps(knee.failedAtRps()) + ")";
            return "Capacity knee: "
                    + switch (knee.reason()) {
                        case FOUND -> rps(knee.rps()) + ", limited by " + knee.limitedBy();
                        case NONE_FAILED ->
                            "no SLO failed up to " + rps(knee.rps()) + phasesFailedOutsideTheKnee(report);
                        case LOWEST_FAILED ->
                            "none, " + knee.limitedBy() + " failed already at the lowest rate measured" + failedAt;
                        case NO_PASS_BELOW_FAILURE ->
                            "none, " + knee.limitedBy() + " failed at the lowest rate that could be judged" + failedAt
                                    + ", and no lower rate held settled with enough samples";
                        case NOT_SHOWN ->
                            "not found, no SLO failed but no rate held settled with enough samples to show it";
                        case ALL_GENERATOR_LIMITED ->
                            "not measured, the load test itself was the limit in every judged window (see the generator warnings)";
                        case NOTHING_JUDGED -> "not found, no window was judged";
                    }
                    + resource;
        }

        /** A platform value with its unit, e.g. {@code 93.5 %}, {@code 5200 connections}. */
        static String platformValue(double value, String unit) {
            return number(value) + ("%".equals(unit) ? " %" : " " + unit);
        }

        /**
         * E.g. {@code pod CPU of request: 93.5 % > 80 % (workload/tacos-app/gateway-api/cpu_pct_of_request)
         * from second 312}, or {@code ...: highest 42 %, threshold 80 %} when it held.
         */
        static String resourceOutcome(ResourceResult resource) {
            String threshold = platformValue(resource.threshold(), resource.unit());
            String value = platformValue(resource.value(), resource.unit());
            return resource.crossed()
                    ? resource.name() + ": " + value + " > " + threshold + " (" + resource.series() + ") from second "
                            + number(resource.crossedAtSecond())
                    : resource.name() + ": highest " + value + ", threshold " + threshold;
        }

        static long crossedResources(CapacityReport report) {
            return report.phases().stream()
                    .flatMap(phase -> phase.resources().stream())
                    .filter(ResourceResult::crossed)
                    .count();
        }

        /** E.g. {@code 3 runners, start skew 41 ms}, or {@code 1 runner}. */
        static String runners(CapacityReport report) {
            return report.runners()
                    + (report.runners() == 1 ? " runner" : " runners")
                    + (report.startSkewMs() == null ? "" : ", start skew " + report.startSkewMs() + " ms");
        }

        /**
         * E.g. {@code Generator: HTTP/2, 12 connections opened during the load (4 before it, at most 3 in a second),
         * at most 3,100 requests in flight of a budget of 4,400, a request times out after 10 s}; empty when the
         * runners recorded no transport.
         */
        static String transport(CapacityReport report) {
            CapacityReport.Transport transport = report.transport();
            if (transport == null) {
                return "";
            }
            String inFlight = transport.peakInFlight() == null
                    ? "an in-flight budget of " + number(transport.inFlightBudget())
                    : "at most " + number(transport.peakInFlight())
                            + (transport.peakInFlight() == 1 ? " request" : " requests") + " in flight of a budget of "
                            + number(transport.inFlightBudget());
            return "Generator: "
                    + transport.httpVersions().stream()
                            .map(version -> "HTTP/" + version)
                            .collect(Collectors.joining(" and "))
                    + ", " + number(transport.connectionsOpened()) + " connections opened during the load ("
                    + number(transport.warmUpConnectionsOpened()) + " before it, at most "
                    + number(transport.mostConnectionsOpenedInASecond()) + " in a second), " + inFlight
                    + ", a request times out after " + number(transport.requestTimeoutMs() / 1000.0) + " s"
                    + (transport.refusedByRunner() == 0
                            ? ""
                            : "; " + number(transport.refusedByRunner())
                                    + " requests refused by the runners' own HTTP/2 client (a stream over the"
                                    + " server's limit on a connection, a race in Gatling's pool): never sent, not"
                                    + " counted against the platform");
        }

        /** E.g. {@code Per-client limit, probed before the load: the platform's per-client limit follows ...}. */
        static String rateLimitProbe(String finding) {
            return "Per-client limit, probed before the load: " + finding + ".";
        }

        /** Seconds since the run start, {@code [from, to)}, e.g. {@code 40–43 s}. */
        static String seconds(long from, long to) {
            return from + "–" + to + " s";
        }

        static long sloChecks(CapacityReport report) {
            return report.phases().stream()
                    .mapToLong(phase -> phase.slos().size())
                    .sum();
        }

        static long failedSloChecks(CapacityReport report) {
            return sloChecks(report, SloOutcome.FAIL);
        }

        static long sloChecks(CapacityReport report, SloOutcome outcome) {
            return report.phases().stream()
                    .flatMap(phase -> phase.slos().stream())
                    .filter(slo -> slo.outcome() == outcome)
                    .count();
        }

        /**
         * The verdict's counts, e.g. {@code 1 of 9 SLO checks failed, 2 rest on too few samples; not
         * measured (the load test's own limit): peak; not judged: warm-up}.
         */
        static String checks(CapacityReport report) {
            long tooFew = sloChecks(report, SloOutcome.TOO_FEW_SAMPLES);
            String notMeasured = phaseNames(report, PhaseOutcome.NOT_MEASURED);
            String notJudged = phaseNames(report, PhaseOutcome.NOT_JUDGED);
            return failedSloChecks(report) + " of " + sloChecks(report) + " SLO checks failed"
                    + (tooFew == 0 ? "" : ", " + tooFew + " rest on too few samples")
                    + (notMeasured.isEmpty() ? "" : "; not measured (the load test's own limit): " + notMeasured)
                    + (notJudged.isEmpty() ? "" : "; " + NOT_JUDGED + ": " + notJudged);
        }

        private static String phaseNames(CapacityReport report, PhaseOutcome outcome) {
            return report.phases().stream()
                    .filter(phase -> phase.outcome() == outcome)
                    .map(PhaseReport::name)
                    .collect(Collectors.joining(", "));
        }

        /** Two decimals below 10, one above, thousands grouped; NaN (no responses) as "n/a". */
        static String number(double value) {
            if (Double.isNaN(value)) {
                return "n/a";
            }
            String pattern = Math.abs(value) < 10 ? "0.##" : "#,##0.#";
            return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }
    }
}
