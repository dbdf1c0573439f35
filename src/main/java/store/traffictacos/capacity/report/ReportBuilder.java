package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.judge.BaselineComparer;
import store.traffictacos.capacity.report.judge.CostCalculator;
import store.traffictacos.capacity.report.judge.EndpointStats;
import store.traffictacos.capacity.report.judge.FunnelFigures;
import store.traffictacos.capacity.report.judge.GeneratorWarnings;
import store.traffictacos.capacity.report.judge.KneeFinder;
import store.traffictacos.capacity.report.judge.Measurement;
import store.traffictacos.capacity.report.judge.NodeHours;
import store.traffictacos.capacity.report.judge.PhaseSpan;
import store.traffictacos.capacity.report.judge.ResourceJudge;
import store.traffictacos.capacity.report.judge.RunSeconds;
import store.traffictacos.capacity.report.judge.SettledCheck;
import store.traffictacos.capacity.report.judge.SloJudge;
import store.traffictacos.capacity.report.judge.TransportSummary;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.ResourceResult;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;
import store.traffictacos.capacity.report.model.CapacityReport.Settling;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.settings.PriceTable;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.RunnerOutcomes;
import store.traffictacos.capacity.results.invariants.InvariantCheck;
import store.traffictacos.capacity.results.invariants.Ledger;

/**
 * Computes a {@link CapacityReport} once from its {@link ReportInputs}: the merged results, the
 * runners' outcomes, the platform series, the history and the settings.
 *
 * <ul>
 *   <li>Phases come from the runners' manifests (all runners share them). Each phase is judged on its
 *       seconds after {@link SloSet#settleSeconds()} (see {@link PhaseSpan}): offered, sent and achieved
 *       rates are the scheduled, sent and answered requests of those seconds ÷ their number, where
 *       answered means every recorded response, by second of sending, whatever its outcome (errors are
 *       counted apart in the error rate); latencies are percentiles of all those responses, exactly as
 *       one histogram of every runner's samples would give them.</li>
 *   <li>A phase that is not judged (a warm-up) is measured over all its seconds and shown, and counts
 *       in no verdict, no knee, no resource warning and no regression rule.</li>
 *   <li>A judged phase's SLOs are judged with confidence ({@link SloJudge}), an endpoint's SLO on that
 *       endpoint's requests alone, a journey metric on the phase's purchase funnel (the journeys that joined in it);
 *       a step's latency trend says
 *       whether it had settled ({@link SettledCheck}). A phase in which the generator fell behind is
 *       flagged {@code generatorLimited} and its seconds listed in the generator warnings: it fails when
 *       an SLO failed (so a reader sees whom to blame), and is otherwise not measured, never passed. A
 *       phase in which the platform's per-client limit refused the load test's own address (a 429 with
 *       the client's bucket empty) is not measured and judged against no SLO: the warning names the limit
 *       and the count. The knee skips such windows.</li>
 *   <li>The verdict is FAIL when a judged phase failed, INCONCLUSIVE when none failed but one was not
 *       measured or rests on too few samples (or none was judged), else PASS; a PASS becomes REGRESSED
 *       when a regression rule against the baseline from the history broke.</li>
 *   <li>The knee is found by {@link KneeFinder}. The platform series, when the run sampled any, give the
 *       resources judged per phase (warnings: they do not change the verdict), the knee's first resource
 *       to give out, and the cost from node series (n/a without them, see {@link CostCalculator}).</li>
 *   <li>The sale's invariants are checked on the runners' merged ledgers ({@link InvariantCheck}): a broken one
 *       makes the verdict FAIL whatever the latencies.</li>
 *   <li>Runners that are missing or stopped early say why, in the controller's words when it left
 *       them ({@code runners.json}).</li>
 * </ul>
 */
public final class ReportBuilder {
    /** The exit code of a run whose report did not pass; 1 is left for errors. */
    public static final int EXIT_NOT_PASSED = 2;

    private ReportBuilder() {}

    /**
     * The report of {@code inputs}.
     *
     * @throws IllegalArgumentException if the run has no phases to judge
     */
    public static CapacityReport build(ReportInputs inputs) {
        MergedResults results = inputs.results();
        ReportSettings settings = inputs.settings();
        SloSet slos = settings.slos();
        Manifest first = results.runners().get(0);
        if (first.phases().isEmpty()) {
            throw new IllegalArgumentException("run " + results.runId() + " has no phases to judge");
        }
        List<CapacityReport.PlatformSeries> platform = platformSeries(results.startEpochMs(), inputs.platform());
        ResourceJudge resources = new ResourceJudge(settings.resources(), platform);
        RunSeconds seconds = RunSeconds.of(results, slos.generatorBehindRatio());
        Map<String, RunSeconds> endpointSeconds = new HashMap<>();
        for (SloSet.Slo slo : slos.slos()) {
            if (slo.endpoint() != null) {
                endpointSeconds.computeIfAbsent(
                        slo.endpoint(),
                        endpoint -> RunSeconds.of(results, slos.generatorBehindRatio(), endpoint::equals));
            }
        }
        FunnelReport funnel = FunnelFigures.of(inputs.funnels());
        KneeFinder kneeFinder = new KneeFinder(slos);
        List<PhaseReport> phases = new ArrayList<>();
        for (PhaseWindow window : first.phases()) {
            PhaseSpan phase = PhaseSpan.of(window, results.startEpochMs(), slos.settleSeconds());
            Measurement measured = seconds.measure(phase.judgedFrom(), phase.endSecond());
            if (!phase.judged()) {
                phases.add(phaseReport(phase, measured, List.of(), PhaseOutcome.NOT_JUDGED, null, List.of()));
                continue;
            }
            // A window in which the load test met its own limit (the per-client limit refused its identity, a
            // runner ran out of descriptors) has no SLO verdict: its errors are the load test's, not the platform's.
            List<SloResult> judged = measured.ownLimitMet()
                    ? List.of()
                    : SloJudge.judge(
                            slos,
                            measured,
                            endpoint -> endpointSeconds.get(endpoint).measure(phase.judgedFrom(), phase.endSecond()),
                            funnel == null ? null : funnel.phase(phase.name()));
            Settling settling = phase.ramp() ? null : SettledCheck.of(phase, seconds, slos.settledRise());
            phases.add(phaseReport(
                    phase,
                    measured,
                    judged,
                    outcome(measured, judged),
                    settling,
                    resources.judge(phase.judgedFrom(), phase.endSecond())));
            if (phase.ramp()) {
                kneeFinder.addRamp(phase, seconds);
            } else {
                kneeFinder.addStep(phase, measured, judged, settling == null || settling.settled());
            }
        }
        Knee knee = withFirstResource(kneeFinder.knee(), resources);
        long endEpochMs =
                results.runners().stream().mapToLong(Manifest::endEpochMs).max().orElseThrow();
        double runSeconds = (endEpochMs - results.startEpochMs()) / 1000.0;
        Comparison comparison = inputs.history()
                .baselineFor(results.runId(), results.startEpochMs())
                .map(baseline -> BaselineComparer.compare(knee, phases, baseline, settings.regression()))
                .orElse(null);
        List<CapacityReport.InvariantReport> invariants = invariants(inputs.ledgers());
        return new CapacityReport(
                CapacityReport.FORMAT,
                results.runId(),
                first.profile(),
                results.runners().size(),
                results.startEpochMs(),
                endEpochMs,
                verdict(phases, comparison, invariants),
                knee,
                List.copyOf(phases),
                EndpointStats.of(results.series()),
                timeline(seconds),
                GeneratorWarnings.find(seconds),
                slos,
                comparison,
                cost(platform, settings.prices(), runSeconds, knee),
                inputs.history().trend(results.runId(), results.startEpochMs(), knee, phases),
                platform,
                Map.copyOf(inputs.platform().unavailable()),
                runnerResults(results, inputs.runnerOutcomes()),
                startSkewMs(results),
                TransportSummary.of(results),
                invariants,
                inputs.rateLimitProbe() == null ? null : inputs.rateLimitProbe().description(),
                inputs.cleanup(),
                funnel);
    }

    /** The sale's invariants over every runner's ledger; none without ledgers. */
    private static List<CapacityReport.InvariantReport> invariants(List<Ledger.Data> ledgers) {
        if (ledgers.isEmpty()) {
            return List.of();
        }
        return InvariantCheck.check(ledgers).stream()
                .map(result -> new CapacityReport.InvariantReport(
                        result.invariant().key(),
                        result.invariant().description(),
                        result.observations(),
                        result.violations(),
                        result.examples(),
                        result.pass()))
                .toList();
    }

    /**
     * FAIL when an invariant of the sale broke, whatever the latencies. Else over the judged phases: FAIL when
     * one failed; INCONCLUSIVE when none did but one was not measured or rests on too few samples, or none was
     * judged; else PASS, or REGRESSED when a regression rule broke.
     */
    private static Verdict verdict(
            List<PhaseReport> phases, Comparison comparison, List<CapacityReport.InvariantReport> invariants) {
        if (invariants.stream().anyMatch(invariant -> !invariant.pass())) {
            return Verdict.FAIL;
        }
        List<PhaseReport> judged = phases.stream().filter(PhaseReport::judged).toList();
        if (judged.stream().anyMatch(phase -> phase.outcome() == PhaseOutcome.FAIL)) {
            return Verdict.FAIL;
        }
        if (judged.isEmpty() || !judged.stream().allMatch(PhaseReport::pass)) {
            return Verdict.INCONCLUSIVE;
        }
        return comparison != null && !comparison.broken().isEmpty() ? Verdict.REGRESSED : Verdict.PASS;
    }

    /**
     * A phase in which the load test met its own limit (the platform's per-client limit refused its identity,
     * a runner ran out of file descriptors) is not measured, whatever its SLOs would say. A failed SLO fails
     * the phase even where the generator fell behind (the phase says that too); a phase the generator could
     * not load is otherwise not measured; one whose SLOs held only partly with confidence rests on too few
     * samples.
     */
    private static PhaseOutcome outcome(Measurement measured, List<SloResult> judged) {
        if (measured.ownLimitMet()) {
            return PhaseOutcome.NOT_MEASURED;
        }
        if (SloJudge.anyFailed(judged)) {
            return PhaseOutcome.FAIL;
        }
        if (measured.generatorLimited()) {
            return PhaseOutcome.NOT_MEASURED;
        }
        return SloJudge.allPass(judged) ? PhaseOutcome.PASS : PhaseOutcome.TOO_FEW_SAMPLES;
    }

    /** The knee with the resource that gave out first in its failing window ({@link ResourceJudge#firstGaveOut}). */
    private static Knee withFirstResource(Knee knee, ResourceJudge resources) {
        return knee.failedFromSecond() == null
                ? knee
                : knee.withResource(resources.firstGaveOut(knee.failedFromSecond(), knee.failedToSecond()));
    }

    /** Each runner's results, with the controller's word on why a runner is missing or stopped early. */
    private static List<CapacityReport.RunnerResult> runnerResults(MergedResults results, RunnerOutcomes outcomes) {
        List<CapacityReport.RunnerResult> runners = new ArrayList<>();
        for (Manifest runner : results.runners()) {
            runners.add(
                    runner.stoppedEarly() == null
                            ? new CapacityReport.RunnerResult(
                                    runner.runnerIndex(), CapacityReport.RunnerResult.COMPLETE, "")
                            : new CapacityReport.RunnerResult(
                                    runner.runnerIndex(),
                                    CapacityReport.RunnerResult.STOPPED_EARLY,
                                    runner.stoppedEarly()));
        }
        for (int missing : results.missingRunners()) {
            runners.add(new CapacityReport.RunnerResult(missing, CapacityReport.RunnerResult.MISSING, "no results"));
        }
        return runners.stream()
                .map(runner -> explained(runner, outcomes))
                .sorted(Comparator.comparingInt(CapacityReport.RunnerResult::index))
                .toList();
    }

    private static CapacityReport.RunnerResult explained(CapacityReport.RunnerResult runner, RunnerOutcomes outcomes) {
        Optional<RunnerOutcomes.Runner> outcome = outcomes.runner(runner.index());
        if (runner.complete() || outcome.isEmpty()) {
            return runner;
        }
        String detail = runner.status().equals(CapacityReport.RunnerResult.MISSING)
                ? outcome.get().description()
                : runner.detail() + " (runner " + outcome.get().phase() + ")";
        return new CapacityReport.RunnerResult(runner.index(), runner.status(), detail);
    }

    private static Long startSkewMs(MergedResults results) {
        if (results.runners().size() < 2) {
            return null;
        }
        LongSummaryStatistics starts =
                results.runners().stream().mapToLong(Manifest::startEpochMs).summaryStatistics();
        return starts.getMax() - starts.getMin();
    }

    /**
     * The platform series sampled during the run, put on the run's clock and grouped by source and
     * series (sources that could not be read keep their reason apart, in the report's
     * {@code platformUnavailable}).
     */
    private static List<CapacityReport.PlatformSeries> platformSeries(
            long runStartEpochMs, PlatformSeriesFile.Contents platform) {
        Map<List<String>, List<CapacityReport.PlatformPoint>> points = new TreeMap<>(
                Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        Map<List<String>, String> units = new HashMap<>();
        for (PlatformSample sample : platform.samples()) {
            List<String> key = List.of(sample.source(), sample.series());
            units.put(key, sample.unit());
            points.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new CapacityReport.PlatformPoint(
                            (sample.epochMs() - runStartEpochMs) / 1000.0, sample.value()));
        }
        return points.entrySet().stream()
                .map(entry -> new CapacityReport.PlatformSeries(
                        entry.getKey().get(0),
                        entry.getKey().get(1),
                        units.get(entry.getKey()),
                        entry.getValue().stream()
                                .sorted(Comparator.comparingDouble(CapacityReport.PlatformPoint::second))
                                .toList()))
                .toList();
    }

    /** The cost from the node series; n/a without them (see {@link CostCalculator}). */
    private static Cost cost(
            List<CapacityReport.PlatformSeries> series, PriceTable prices, double runSeconds, Knee knee) {
        Cost cost = CostCalculator.cost(NodeHours.byInstanceType(series, runSeconds), prices, runSeconds, knee.rps());
        return cost.runUsd() != null && NodeHours.anySpot(series)
                ? new Cost(
                        cost.runUsd(),
                        cost.perMillionRequestsAtKneeUsd(),
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

    private static PhaseReport phaseReport(
            PhaseSpan phase,
            Measurement measured,
            List<SloResult> judged,
            PhaseOutcome outcome,
            Settling settling,
            List<ResourceResult> resources) {
        return new PhaseReport(
                phase.name(),
                phase.startSecond(),
                phase.endSecond(),
                phase.settleSeconds(),
                measured.offeredRps(),
                measured.sentRps(),
                measured.achievedRps(),
                measured.requests(),
                measured.p50Ms(),
                measured.p95Ms(),
                measured.p99Ms(),
                measured.maxMs(),
                measured.errorRate(),
                measured.errorsByKind(),
                judged,
                outcome == PhaseOutcome.PASS,
                measured.generatorLimited(),
                List.copyOf(resources),
                phase.judged(),
                outcome,
                settling);
    }

    private static List<SecondPoint> timeline(RunSeconds seconds) {
        List<SecondPoint> timeline = new ArrayList<>(seconds.length());
        for (int second = 0; second < seconds.length(); second++) {
            Measurement measured = seconds.second(second);
            timeline.add(new SecondPoint(
                    second,
                    measured.scheduled(),
                    measured.sent(),
                    measured.requests(),
                    measured.p50Ms(),
                    measured.p95Ms(),
                    measured.p99Ms(),
                    measured.errorsByKind()));
        }
        return timeline;
    }
}
