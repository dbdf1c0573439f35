package store.traffictacos.capacity.report.model;

import java.util.List;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.settings.RegressionRules;

/**
 * A run compared with a baseline run (an earlier {@code report.json}): per phase present in both
 * (matched by name) and for the knee, the change of each figure, and every regression rule checked.
 *
 * @param kneeRps null when the baseline had no knee to compare with
 * @param checks every rule applied, broken or not, in the order knee, then per phase p99 and error rate
 */
public record Comparison(
        String baselineRunId,
        long baselineStartEpochMs,
        RegressionRules rules,
        @Nullable Delta kneeRps,
        List<PhaseDelta> phases,
        List<RuleCheck> checks) {
    /** The subject of the knee's rule check, beside the phase names. */
    public static final String KNEE = "knee";

    /** The rules that broke. */
    public List<RuleCheck> broken() {
        return checks.stream().filter(RuleCheck::broken).toList();
    }

    /** True when a check of {@code rule} on {@code subject} (a phase name, or "knee") broke. */
    public boolean broke(String rule, String subject) {
        return checks.stream()
                .anyMatch(check -> check.broken()
                        && check.rule().equals(rule)
                        && check.subject().equals(subject));
    }

    /**
     * One figure then and now.
     *
     * @param change {@code current − baseline}
     * @param changePercent the change relative to the baseline; null when the baseline is 0 or NaN
     */
    public record Delta(
            double baseline,
            double current,
            double change,
            @Nullable Double changePercent) {
        public static Delta of(double baseline, double current) {
            boolean relative = baseline != 0 && !Double.isNaN(baseline) && !Double.isNaN(current);
            return new Delta(
                    baseline, current, current - baseline, relative ? (current - baseline) / baseline * 100 : null);
        }
    }

    /** Latencies in ms, errorRate a fraction, achievedRps in requests per second. */
    public record PhaseDelta(
            String phase, Delta p50Ms, Delta p95Ms, Delta p99Ms, Delta maxMs, Delta errorRate, Delta achievedRps) {}

    /**
     * One rule on one subject.
     *
     * @param rule the rule's key in the SLO file, e.g. {@code p99IncreasePercent}
     * @param subject the phase name, or {@code knee}
     * @param limit the rule's value
     * @param change what it limits: percent for the p99 and knee rules (a knee drop is negative), a
     *     fraction for the error rate
     */
    public record RuleCheck(String rule, String subject, double limit, double change, boolean broken) {}
}
