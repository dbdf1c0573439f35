package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * Finds the capacity knee: the highest offered request rate at which every SLO held, over windows
 * of the run ordered by their offered rate.
 *
 * <p>Windows: each constant-rate phase (after its settle seconds) is one window; a ramp contributes
 * rolling windows of {@value #ROLLING_WINDOW_SECONDS} s stepping by 1 s over its judged seconds, each at its
 * mean offered rate, because a ramp's rate changes every second and its whole-phase statistics would
 * blur the rate where the SLOs broke. 5 s holds at least 100 requests (enough for a p99) from 20 rps up,
 * and still resolves the production 10k → 20k ramp over 5 minutes to ~170 rps.
 *
 * <p>Windows in which the generator fell behind its schedule are skipped: their rate was not offered,
 * and their failures are never the platform's fault.
 *
 * <p>The knee is the offered rate of the last passing window before the first failing one, with the
 * first SLO (in SLO-set order) that failed there; windows at equal rates order failing first, so a rate
 * that both held and failed is not called safe. The knee rate is null when the lowest window already
 * failed. When no window failed, the knee is the highest rate offered with no SLO named: capacity is then
 * <em>at least</em> that rate, the run did not find the limit. With no judgeable window at all, both are null.
 */
public final class KneeFinder {
    static final int ROLLING_WINDOW_SECONDS = 5;

    private record Window(double offeredRps, List<SloResult> slos, long fromSecond, long toSecond) {
        boolean pass() {
            return SloJudge.allPass(slos);
        }
    }

    private final SloSet slos;
    private final List<Window> windows = new ArrayList<>();

    public KneeFinder(SloSet slos) {
        this.slos = slos;
    }

    /** Adds a constant-rate phase, already measured over its judged seconds, as one window. */
    public void addStep(PhaseSpan span, Measurement phase, List<SloResult> judged) {
        if (!phase.generatorLimited() && phase.seconds() > 0) {
            windows.add(new Window(phase.offeredRps(), judged, span.judgedFrom(), span.endSecond()));
        }
    }

    /** Adds the rolling windows of a ramp's judged seconds (one window if they are fewer than the window). */
    public void addRamp(PhaseSpan ramp, RunSeconds seconds) {
        long width = Math.min(ROLLING_WINDOW_SECONDS, ramp.judgedSeconds());
        for (long from = ramp.judgedFrom(); width > 0 && from + width <= ramp.endSecond(); from++) {
            Measurement window = seconds.measure(from, from + width);
            if (!window.generatorLimited()) {
                windows.add(new Window(window.offeredRps(), SloJudge.judge(slos, window), from, from + width));
            }
        }
    }

    public Knee knee() {
        List<Window> byRate = windows.stream()
                .sorted(Comparator.comparingDouble(Window::offeredRps).thenComparing(Window::pass))
                .toList();
        Double lastPassing = null;
        for (Window window : byRate) {
            if (!window.pass()) {
                return new Knee(lastPassing, firstFailed(window), null, window.fromSecond(), window.toSecond());
            }
            lastPassing = window.offeredRps();
        }
        return new Knee(lastPassing, null, null, null, null);
    }

    private static String firstFailed(Window window) {
        return window.slos().stream()
                .filter(slo -> !slo.pass())
                .findFirst()
                .orElseThrow()
                .name();
    }
}
