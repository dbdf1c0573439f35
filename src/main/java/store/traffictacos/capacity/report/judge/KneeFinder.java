package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * Finds the capacity knee: the highest offered request rate at which every SLO held, over the judged
 * windows of the run ordered by their offered rate, and says why there is none when there is none
 * ({@link KneeReason}).
 *
 * <p>Windows: each constant-rate phase (after its settle seconds) is one window; a ramp contributes
 * rolling windows of {@value #ROLLING_WINDOW_SECONDS} s stepping by 1 s over its judged seconds, each at its
 * mean offered rate, because a ramp's rate changes every second and its whole-phase statistics would
 * blur the rate where the SLOs broke. 5 s resolves the production 10k → 20k ramp over 5 minutes to ~170
 * rps, and from 74 rps up holds the 368 responses a p99 needs to be bounded at all (below that, a window
 * rests on too few samples and neither raises nor stops the knee). Phases that are not judged (a warm-up)
 * add no window.
 *
 * <p>Windows in which the generator fell behind its schedule are skipped: their rate was not offered,
 * and their failures are never the platform's fault.
 *
 * <p>The knee is the offered rate of the last window that held before the first one that failed, with
 * the first SLO (in SLO-set order) that failed there; windows at equal rates order failing first, so a
 * rate that both held and failed is not called safe. Only a window whose every SLO held with enough
 * samples, and which (for a step) had settled, raises the knee; one that rests on too few samples or was
 * still rising neither raises nor stops it. When no window failed, the knee is the highest rate that held:
 * capacity is then <em>at least</em> that rate, the run did not find the limit.
 */
public final class KneeFinder {
    static final int ROLLING_WINDOW_SECONDS = 5;

    private record Window(double offeredRps, List<SloResult> slos, boolean settled, long fromSecond, long toSecond) {
        boolean failed() {
            return SloJudge.anyFailed(slos);
        }

        boolean held() {
            return SloJudge.allPass(slos) && settled;
        }
    }

    private final SloSet slos;
    private final List<Window> windows = new ArrayList<>();
    private int judgedWindows;

    public KneeFinder(SloSet slos) {
        this.slos = slos;
    }

    /** Adds a judged constant-rate phase, already measured over its judged seconds, as one window. */
    public void addStep(PhaseSpan span, Measurement phase, List<SloResult> judged, boolean settled) {
        if (phase.seconds() > 0) {
            add(phase, new Window(phase.offeredRps(), judged, settled, span.judgedFrom(), span.endSecond()));
        }
    }

    /** Adds the rolling windows of a judged ramp (one window if its judged seconds are fewer than the window). */
    public void addRamp(PhaseSpan ramp, RunSeconds seconds) {
        long width = Math.min(ROLLING_WINDOW_SECONDS, ramp.judgedSeconds());
        for (long from = ramp.judgedFrom(); width > 0 && from + width <= ramp.endSecond(); from++) {
            Measurement window = seconds.measure(from, from + width);
            add(window, new Window(window.offeredRps(), SloJudge.judge(slos, window), true, from, from + width));
        }
    }

    private void add(Measurement measured, Window window) {
        judgedWindows++;
        if (!measured.generatorLimited()) {
            windows.add(window);
        }
    }

    public Knee knee() {
        if (judgedWindows == 0) {
            return noKnee(KneeReason.NOTHING_JUDGED);
        }
        if (windows.isEmpty()) {
            return noKnee(KneeReason.ALL_GENERATOR_LIMITED);
        }
        List<Window> byRate = windows.stream()
                .sorted(Comparator.comparingDouble(Window::offeredRps).thenComparing(window -> !window.failed()))
                .toList();
        Double lastHeld = null;
        for (Window window : byRate) {
            if (window.failed()) {
                KneeReason reason = lastHeld != null
                        ? KneeReason.FOUND
                        : window == byRate.get(0) ? KneeReason.LOWEST_FAILED : KneeReason.NO_PASS_BELOW_FAILURE;
                return new Knee(
                        lastHeld,
                        firstFailed(window),
                        null,
                        window.fromSecond(),
                        window.toSecond(),
                        reason,
                        window.offeredRps());
            }
            if (window.held()) {
                lastHeld = window.offeredRps();
            }
        }
        return lastHeld == null
                ? noKnee(KneeReason.NOT_SHOWN)
                : new Knee(lastHeld, null, null, null, null, KneeReason.NONE_FAILED, null);
    }

    private static Knee noKnee(KneeReason reason) {
        return new Knee(null, null, null, null, null, reason, null);
    }

    private static String firstFailed(Window window) {
        return window.slos().stream()
                .filter(slo -> slo.outcome() == SloOutcome.FAIL)
                .findFirst()
                .orElseThrow()
                .name();
    }
}
