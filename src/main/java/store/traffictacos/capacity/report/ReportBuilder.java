package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.RunnerOutcomes;
import store.traffictacos.capacity.report.judge.KneeFinder;
import store.traffictacos.capacity.report.judge.Measurement;
import store.traffictacos.capacity.report.judge.PhaseSpan;
import store.traffictacos.capacity.report.judge.RunSeconds;
import store.traffictacos.capacity.report.judge.SloJudge;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.PriceTable;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.report.judge.BaselineComparer;
import store.traffictacos.capacity.report.judge.CostCalculator;
import store.traffictacos.capacity.report.judge.EndpointStats;
import store.traffictacos.capacity.report.judge.GeneratorWarnings;
import store.traffictacos.capacity.report.judge.NodeHours;
import store.traffictacos.capacity.report.judge.ResourceJudge;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.model.TrendPoint;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.settings.ReportSettings;

/**
 * Computes a {@link CapacityReport} from the merged results of a run and an SLO set.
 *
 * <ul>
 *   <li>Phases come from the runners' manifests (all runners share them). Each phase is judged on its
 *       seconds after {@link SloSet#settleSeconds()} (see {@link PhaseSpan}): offered, sent and achieved
 *       rates are the scheduled, sent and answered requests of those seconds ÷ their number, where
 *       answered means every recorded response, by second of sending, whatever its outcome (errors are
 *       counted apart in the error rate); latencies are percentiles of all those responses, exactly as
 *       one histogram of every runner's samples would give them.</li>
 *   <li>A phase's verdict uses all its judged seconds, also those in which the generator fell behind;
 *       the phase is then flagged {@code generatorLimited} and the seconds listed in the generator
 *       warnings, so a reader sees whom to blame. The knee, in contrast, skips such windows.</li>
 *   <li>The verdict is PASS when every phase passed, FAIL otherwise; {@link #withHistory} turns a PASS
 *       into REGRESSED when a regression rule against the baseline broke (a FAIL stays FAIL).</li>
 *   <li>The knee is found by {@link KneeFinder}. Platform series, when the run sampled any, are added by
 *       {@link #withPlatform}: resources judged per phase (warnings: they do not change the verdict), the
 *       knee's first resource to give out, and the cost from node series (n/a without them, see
 *       {@link CostCalculator}).</li>
 * </ul>
 */
public final class ReportBuilder {
    /** The exit code of a run whose report did not pass; 1 is left for errors. */
    public static final int EXIT_NOT_PASSED = 2;

    private ReportBuilder() {
    }

    /** The report with the default prices; see {@link #build(MergedResults, SloSet, PriceTable)}. */
    public static CapacityReport build(MergedResults results, SloSet slos) {
        return build(results, slos, PriceTable.defaults());
    }

    /**
     * The report of the run alone: no comparison and no trend (see {@link #withHistory}).
     *
     * @throws IllegalArgumentException if the run has no phases to judge
     */
    public static CapacityReport build(MergedResults results, SloSet slos, PriceTable prices) {
        Manifest first = results.runners().get(0);
        if (first.phases().isEmpty()) {
            throw new IllegalArgumentException("run " + results.runId() + " has no phases to judge");
        }
        RunSeconds seconds = RunSeconds.of(results, slos.generatorBehindRatio());
        KneeFinder knee = new KneeFinder(slos);
        List<PhaseReport> phases = new ArrayList<>();
        for (PhaseWindow window : first.phases()) {
            PhaseSpan phase = PhaseSpan.of(window, results.startEpochMs(), slos.settleSeconds());
            Measurement measured = seconds.measure(phase.judgedFrom(), phase.endSecond());
            List<SloResult> judged = SloJudge.judge(slos, measured);
            phases.add(phaseReport(phase, measured, judged));
            if (phase.ramp()) {
                knee.addRamp(phase, seconds);
            } else {
                knee.addStep(phase, measured, judged);
            }
        }
        Verdict verdict = phases.stream().allMatch(PhaseReport::pass) ? Verdict.PASS : Verdict.FAIL;
        long endEpochMs = results.runners().stream().mapToLong(Manifest::endEpochMs).max().orElseThrow();
        Knee found = knee.knee();
        // Node series come with the platform (withPlatform); without them there are no node-hours.
        Cost cost = CostCalculator.cost(Map.of(), prices, (endEpochMs - results.startEpochMs()) / 1000.0, found.rps());
        return new CapacityReport(CapacityReport.FORMAT, results.runId(), first.profile(), results.runners().size(),
                results.startEpochMs(), endEpochMs, verdict, found, List.copyOf(phases),
                EndpointStats.of(results.series()), timeline(seconds), GeneratorWarnings.find(seconds), slos, null,
                cost, List.of(), List.of(), Map.of(), runnerResults(results), startSkewMs(results));
    }

    private static List<CapacityReport.RunnerResult> runnerResults(MergedResults results) {
        List<CapacityReport.RunnerResult> runners = new ArrayList<>();
        for (Manifest runner : results.runners()) {
            runners.add(runner.stoppedEarly() == null
                    ? new CapacityReport.RunnerResult(runner.runnerIndex(), CapacityReport.RunnerResult.COMPLETE, "")
                    : new CapacityReport.RunnerResult(runner.runnerIndex(), CapacityReport.RunnerResult.STOPPED_EARLY,
                            runner.stoppedEarly()));
        }
        for (int missing : results.missingRunners()) {
            runners.add(new CapacityReport.RunnerResult(missing, CapacityReport.RunnerResult.MISSING, "no results"));
        }
        runners.sort(Comparator.comparingInt(CapacityReport.RunnerResult::index));
        return runners;
    }

    private static Long startSkewMs(MergedResults results) {
        if (results.runners().size() < 2) {
            return null;
        }
        LongSummaryStatistics starts = results.runners().stream().mapToLong(Manifest::startEpochMs).summaryStatistics();
        return starts.getMax() - starts.getMin();
    }

    /** The report with the controller's word on why runners are missing or stopped ({@code runners.json}). */
    public static CapacityReport withRunnerOutcomes(CapacityReport report, RunnerOutcomes outcomes) {
        List<CapacityReport.RunnerResult> runners = report.runnerResults().stream()
                .map(runner -> explained(runner, outcomes)).toList();
        return copy(report, report.verdict(), report.comparison(), report.trend(), report.knee(), report.phases(),
                report.cost(), report.platform(), report.platformUnavailable(), runners);
    }

    private static CapacityReport.RunnerResult explained(CapacityReport.RunnerResult runner, RunnerOutcomes outcomes) {
        Optional<RunnerOutcomes.Runner> outcome = outcomes.runner(runner.index());
        if (runner.complete() || outcome.isEmpty()) {
            return runner;
        }
        String detail = runner.status().equals(CapacityReport.RunnerResult.MISSING) ? outcome.get().description()
                : runner.detail() + " (runner " + outcome.get().phase() + ")";
        return new CapacityReport.RunnerResult(runner.index(), runner.status(), detail);
    }

    /**
     * The report compared with its baseline from {@code history} (if any) and with its trend; PASS
     * becomes REGRESSED when a regression rule broke.
     */
    public static CapacityReport withHistory(CapacityReport report, History history, RegressionRules rules) {
        Comparison comparison = history.baselineFor(report)
                .map(baseline -> BaselineComparer.compare(report, baseline, rules)).orElse(null);
        Verdict verdict = report.verdict() == Verdict.PASS && comparison != null && !comparison.broken().isEmpty()
                ? Verdict.REGRESSED : report.verdict();
        return copy(report, verdict, comparison, history.trend(report), report.knee(), report.phases(), report.cost(),
                report.platform(), report.platformUnavailable(), report.runnerResults());
    }

    /**
     * The report with the platform series sampled during the run, put on the run's clock and grouped by
     * source and series (sources that could not be read keep their reason); each phase's resources
     * judged against {@code settings}' thresholds over its judged seconds; the knee's first resource
     * to give out (see {@link ResourceJudge#firstGaveOut}); and the cost from the node series.
     */
    public static CapacityReport withPlatform(CapacityReport report, PlatformSeriesFile.Contents platform,
            ReportSettings settings) {
        List<CapacityReport.PlatformSeries> series = platformSeries(report, platform);
        ResourceJudge judge = new ResourceJudge(settings.resources(), series);
        List<PhaseReport> phases = report.phases().stream()
                .map(phase -> phase.withResources(
                        judge.judge(phase.startSecond() + phase.settleSeconds(), phase.endSecond())))
                .toList();
        Knee knee = report.knee();
        if (knee.failedFromSecond() != null) {
            knee = knee.withResource(judge.firstGaveOut(knee.failedFromSecond(), knee.failedToSecond()));
        }
        return copy(report, report.verdict(), report.comparison(), report.trend(), knee, phases,
                cost(series, settings.prices(), report, knee), series, Map.copyOf(platform.unavailable()),
                report.runnerResults());
    }

    private static List<CapacityReport.PlatformSeries> platformSeries(CapacityReport report,
            PlatformSeriesFile.Contents platform) {
        Map<List<String>, List<CapacityReport.PlatformPoint>> points = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        Map<List<String>, String> units = new HashMap<>();
        for (PlatformSample sample : platform.samples()) {
            List<String> key = List.of(sample.source(), sample.series());
            units.put(key, sample.unit());
            points.computeIfAbsent(key, k -> new ArrayList<>()).add(new CapacityReport.PlatformPoint(
                    (sample.epochMs() - report.startEpochMs()) / 1000.0, sample.value()));
        }
        return points.entrySet().stream()
                .map(entry -> new CapacityReport.PlatformSeries(entry.getKey().get(0), entry.getKey().get(1),
                        units.get(entry.getKey()), entry.getValue().stream()
                                .sorted(Comparator.comparingDouble(CapacityReport.PlatformPoint::second)).toList()))
                .toList();
    }

    private static Cost cost(List<CapacityReport.PlatformSeries> series, PriceTable prices, CapacityReport report,
            Knee knee) {
        double runSeconds = (report.endEpochMs() - report.startEpochMs()) / 1000.0;
        Cost cost = CostCalculator.cost(NodeHours.byInstanceType(series, runSeconds), prices, runSeconds, knee.rps());
        return cost.runUsd() != null && NodeHours.anySpot(series)
                ? new Cost(cost.runUsd(), cost.perMillionRequestsAtKneeUsd(),
                        cost.note() + "; spot nodes priced on-demand, so an upper bound")
                : cost;
    }

    /**
     * 0 when the report passed with every runner's results complete; {@value #EXIT_NOT_PASSED} when it
     * failed or regressed, or when a runner's results are missing or cut short (the load offered was
     * not the profile's, so a PASS would not be the answer asked for).
     */
    public static int exitCode(CapacityReport report) {
        return report.verdict() == Verdict.PASS && report.runnerProblems().isEmpty() ? 0 : EXIT_NOT_PASSED;
    }

    private static CapacityReport copy(CapacityReport report, Verdict verdict, Comparison comparison,
            List<TrendPoint> trend, Knee knee, List<PhaseReport> phases, Cost cost,
            List<CapacityReport.PlatformSeries> platform, Map<String, String> platformUnavailable,
            List<CapacityReport.RunnerResult> runners) {
        return new CapacityReport(report.format(), report.runId(), report.profile(), report.runners(),
                report.startEpochMs(), report.endEpochMs(), verdict, knee, phases, report.endpoints(),
                report.timeline(), report.generatorWarnings(), report.slos(), comparison, cost, trend, platform,
                platformUnavailable, runners, report.startSkewMs());
    }

    private static PhaseReport phaseReport(PhaseSpan phase, Measurement measured, List<SloResult> judged) {
        return new PhaseReport(phase.name(), phase.startSecond(), phase.endSecond(), phase.settleSeconds(),
                measured.offeredRps(), measured.sentRps(), measured.achievedRps(), measured.requests(),
                measured.p50Ms(), measured.p95Ms(), measured.p99Ms(), measured.maxMs(), measured.errorRate(),
                measured.errorsByKind(), judged, SloJudge.allPass(judged), measured.generatorLimited(), List.of());
    }

    private static List<SecondPoint> timeline(RunSeconds seconds) {
        List<SecondPoint> timeline = new ArrayList<>(seconds.length());
        for (int second = 0; second < seconds.length(); second++) {
            Measurement measured = seconds.measure(second, second + 1);
            timeline.add(new SecondPoint(second, measured.scheduled(), measured.sent(), measured.requests(),
                    measured.p50Ms(), measured.p95Ms(), measured.p99Ms(), measured.errorsByKind()));
        }
        return timeline;
    }
}
