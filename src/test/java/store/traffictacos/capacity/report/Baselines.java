package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.CapacityReport;

/** Variations of {@link SampleReports#failingAtPeak()} to compare with one another. */
public final class Baselines {
    private Baselines() {
    }

    /** The sample run, given another id, start, verdict and knee. */
    public static CapacityReport run(String runId, long startEpochMs, Verdict verdict, Double kneeRps) {
        CapacityReport sample = SampleReports.failingAtPeak();
        return new CapacityReport(sample.format(), runId, sample.profile(), sample.runners(), startEpochMs,
                startEpochMs + 60_000, verdict, new Knee(kneeRps, "p99 latency", null, null, null), sample.phases(),
                sample.endpoints(), sample.timeline(), sample.generatorWarnings(), sample.slos(), sample.comparison(),
                sample.cost(), sample.trend(), sample.platform(), sample.platformUnavailable());
    }

    /** {@code report} with every phase changed by {@code change}. */
    static CapacityReport withPhases(CapacityReport report, UnaryOperator<PhaseReport> change) {
        List<PhaseReport> phases = new ArrayList<>();
        report.phases().forEach(phase -> phases.add(change.apply(phase)));
        return new CapacityReport(report.format(), report.runId(), report.profile(), report.runners(),
                report.startEpochMs(), report.endEpochMs(), report.verdict(), report.knee(), phases, report.endpoints(),
                report.timeline(), report.generatorWarnings(), report.slos(), report.comparison(), report.cost(),
                report.trend(), report.platform(), report.platformUnavailable());
    }

    /** {@code phase} with its p99 and error rate replaced. */
    static PhaseReport withP99AndErrors(PhaseReport phase, double p99Ms, double errorRate) {
        return new PhaseReport(phase.name(), phase.startSecond(), phase.endSecond(), phase.settleSeconds(),
                phase.offeredRps(), phase.sentRps(), phase.achievedRps(), phase.requests(), phase.p50Ms(), phase.p95Ms(),
                p99Ms, phase.maxMs(), errorRate, phase.errorsByKind(), phase.slos(), phase.pass(),
                phase.generatorLimited(), phase.resources());
    }

    /** {@code report}'s phases with their p99 scaled by {@code factor}. */
    public static CapacityReport p99Times(CapacityReport report, double factor) {
        return withPhases(report, phase -> withP99AndErrors(phase, phase.p99Ms() * factor, phase.errorRate()));
    }
}
