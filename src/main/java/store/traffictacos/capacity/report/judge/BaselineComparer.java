package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.Delta;
import store.traffictacos.capacity.report.model.Comparison.PhaseDelta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.settings.RegressionRules;

/**
 * Compares a run with its baseline under {@link RegressionRules}. Phases are matched by name; a
 * phase in only one of the two runs, or not judged in either, is not compared. A rule is only checked where both values
 * exist: no p99 (a phase without responses) or no baseline knee means nothing to compare.
 */
public final class BaselineComparer {

    private BaselineComparer() {}

    /** The run, of {@code runKnee} and {@code runPhases}, against {@code baseline}. */
    public static Comparison compare(
            Knee runKnee, List<PhaseReport> runPhases, CapacityReport baseline, RegressionRules rules) {
        List<RuleCheck> checks = new ArrayList<>();
        Delta knee = kneeDelta(runKnee, baseline);
        if (knee != null && knee.changePercent() != null) {
            checks.add(new RuleCheck(
                    RegressionRules.KNEE_DECREASE,
                    Comparison.KNEE,
                    rules.kneeDecreasePercent(),
                    knee.changePercent(),
                    -knee.changePercent() > rules.kneeDecreasePercent()));
        }
        Map<String, PhaseReport> baselinePhases = baseline.phases().stream()
                .collect(Collectors.toMap(PhaseReport::name, Function.identity(), (first, repeated) -> first));
        List<PhaseDelta> phases = new ArrayList<>();
        for (PhaseReport phase : runPhases) {
            PhaseReport before = baselinePhases.get(phase.name());
            if (before == null || !phase.judged() || !before.judged()) {
                continue;
            }
            PhaseDelta delta = phaseDelta(phase, before);
            phases.add(delta);
            if (delta.p99Ms().changePercent() != null) {
                checks.add(new RuleCheck(
                        RegressionRules.P99_INCREASE,
                        phase.name(),
                        rules.p99IncreasePercent(),
                        delta.p99Ms().changePercent(),
                        delta.p99Ms().changePercent() > rules.p99IncreasePercent()));
            }
            double errorRateChange = delta.errorRate().change();
            checks.add(new RuleCheck(
                    RegressionRules.ERROR_RATE_INCREASE,
                    phase.name(),
                    rules.errorRateIncrease(),
                    errorRateChange,
                    errorRateChange > rules.errorRateIncrease()));
        }
        return new Comparison(
                baseline.runId(), baseline.startEpochMs(), rules, knee, List.copyOf(phases), List.copyOf(checks));
    }

    /** Null without a baseline knee; a run without a knee where the baseline had one dropped to 0. */
    private static Delta kneeDelta(Knee runKnee, CapacityReport baseline) {
        if (baseline.knee() == null || baseline.knee().rps() == null) {
            return null;
        }
        Double now = runKnee.rps();
        return Delta.of(baseline.knee().rps(), now == null ? 0 : now);
    }

    private static PhaseDelta phaseDelta(PhaseReport now, PhaseReport before) {
        return new PhaseDelta(
                now.name(),
                Delta.of(before.p50Ms(), now.p50Ms()),
                Delta.of(before.p95Ms(), now.p95Ms()),
                Delta.of(before.p99Ms(), now.p99Ms()),
                Delta.of(before.maxMs(), now.maxMs()),
                Delta.of(before.errorRate(), now.errorRate()),
                Delta.of(before.achievedRps(), now.achievedRps()));
    }
}
