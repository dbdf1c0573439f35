package store.traffictacos.capacity.report.judge;

import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.CapacityReport.Settling;

/**
 * Whether a step's latency had settled: a queue filling towards its steady state near saturation
 * raises latency for much longer than the settle seconds (measured here: a 15 s step at 95 %
 * utilisation showed p99 84 ms where the steady state is about 117 ms), so a step that passed while
 * still rising says little about that rate.
 *
 * <p>The rule: the p99 of the last third of the step's judged seconds against the p99 of the first
 * third. Thirds rather than halves leave the middle third out, so the two periods compared are apart
 * by a third of the step and a trend shows as a difference rather than being averaged into both; p99
 * because the SLOs are about the tail, and the tail is what settles last. The step is not settled when
 * the p99 rose by more than {@code settledRise} (a setting of the SLO file) and by more than sampling
 * noise: the last third's lower 95 % confidence bound is above the first third's upper bound
 * ({@link QuantileBounds}). Without that second condition a few hundred samples per third would flag
 * settled steps, since their p99 alone moves by tens of percent from third to third; with it, a short
 * or slow step is never called unsettled on noise, and longer steps detect smaller rises.
 */
public final class SettledCheck {
    /** Fewer judged seconds make thirds of nothing. */
    static final int MIN_SECONDS = 3;

    private SettledCheck() {}

    /** The trend test of a step; null when it has fewer than {@value #MIN_SECONDS} judged seconds. */
    public static @Nullable Settling of(PhaseSpan step, RunSeconds seconds, double settledRise) {
        long judged = step.judgedSeconds();
        if (judged < MIN_SECONDS) {
            return null;
        }
        long third = judged / 3;
        Measurement first = seconds.measure(step.judgedFrom(), step.judgedFrom() + third);
        Measurement last = seconds.measure(step.endSecond() - third, step.endSecond());
        Double firstUpper = first.p99Bounds().upperMs();
        Double lastLower = last.p99Bounds().lowerMs();
        boolean rising = last.p99Ms() > first.p99Ms() * (1 + settledRise)
                && firstUpper != null
                && lastLower != null
                && lastLower > firstUpper;
        return new Settling(first.p99Ms(), last.p99Ms(), !rising);
    }
}
