package store.traffictacos.capacity.report.settings;

/**
 * When a run counts as worse than its baseline, as data (the {@code regression:} section of the SLO
 * file). Each limit is inclusive: a change of exactly the limit is still fine.
 *
 * @param p99IncreasePercent a phase whose p99 grew by more than this many percent regressed
 * @param kneeDecreasePercent the capacity knee dropped by more than this many percent
 * @param errorRateIncrease a phase whose error rate grew by more than this fraction (absolute, 0.005 =
 *     0.5 percentage points) regressed; absolute because a relative change of a near-zero rate is noise
 */
public record RegressionRules(double p99IncreasePercent, double kneeDecreasePercent, double errorRateIncrease) {
    public static final String P99_INCREASE = "p99IncreasePercent";
    public static final String KNEE_DECREASE = "kneeDecreasePercent";
    public static final String ERROR_RATE_INCREASE = "errorRateIncrease";

    /** p99 +10 %, knee −5 %, error rate +0.5 percentage points. */
    public static RegressionRules defaults() {
        return new RegressionRules(10, 5, 0.005);
    }
}
