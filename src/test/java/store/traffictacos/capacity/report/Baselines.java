package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import store.traffictacos.capacity.report.judge.BaselineComparer;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.settings.RegressionRules;

/** Variations of {@link SampleReports#failingAtPeak()} to compare with one another. */
public final class Baselines {
    private Baselines() {}

    /** The sample run, given another id, start, verdict and knee. */
    public static CapacityReport run(String runId, long startEpochMs, Verdict verdict, Double kneeRps) {
        return rerun(SampleReports.failingAtPeak(), runId, startEpochMs, verdict, kneeRps);
    }

    /** {@code report} as another run's: another id, start (its length kept), verdict and knee. */
    static CapacityReport rerun(
            CapacityReport report, String runId, long startEpochMs, Verdict verdict, Double kneeRps) {
        return new CapacityReport(
                report.format(),
                runId,
                report.profile(),
                report.runners(),
                startEpochMs,
                startEpochMs + report.endEpochMs() - report.startEpochMs(),
                verdict,
                new Knee(kneeRps, "p99 latency", null, null, null),
                report.phases(),
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable());
    }

    /**
     * {@code run} by hand, for the renderings' tests, as if set against {@code history}: its comparison
     * with the history's baseline under the default rules (none without one), its trend and {@code verdict}.
     */
    public static CapacityReport againstHistory(CapacityReport run, History history, Verdict verdict) {
        Comparison comparison = history.baselineFor(run.runId(), run.startEpochMs())
                .map(baseline ->
                        BaselineComparer.compare(run.knee(), run.phases(), baseline, RegressionRules.defaults()))
                .orElse(null);
        return new CapacityReport(
                run.format(),
                run.runId(),
                run.profile(),
                run.runners(),
                run.startEpochMs(),
                run.endEpochMs(),
                verdict,
                run.knee(),
                run.phases(),
                run.endpoints(),
                run.timeline(),
                run.generatorWarnings(),
                run.slos(),
                comparison,
                run.cost(),
                history.trend(run.runId(), run.startEpochMs(), run.knee(), run.phases()),
                run.platform(),
                run.platformUnavailable());
    }

    /** {@code report} with every phase changed by {@code change}. */
    static CapacityReport withPhases(CapacityReport report, UnaryOperator<PhaseReport> change) {
        List<PhaseReport> phases = new ArrayList<>();
        report.phases().forEach(phase -> phases.add(change.apply(phase)));
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                phases,
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable());
    }

    /** {@code phase} with its p99 and error rate replaced. */
    static PhaseReport withP99AndErrors(PhaseReport phase, double p99Ms, double errorRate) {
        return new PhaseReport(
                phase.name(),
                phase.startSecond(),
                phase.endSecond(),
                phase.settleSeconds(),
                phase.offeredRps(),
                phase.sentRps(),
                phase.achievedRps(),
                phase.requests(),
                phase.p50Ms(),
                phase.p95Ms(),
                p99Ms,
                phase.maxMs(),
                errorRate,
                phase.errorsByKind(),
                phase.slos(),
                phase.pass(),
                phase.generatorLimited(),
                phase.resources());
    }

    /** {@code report}'s phases with their p99 scaled by {@code factor}. */
    public static CapacityReport p99Times(CapacityReport report, double factor) {
        return withPhases(report, phase -> withP99AndErrors(phase, phase.p99Ms() * factor, phase.errorRate()));
    }
}
