package store.traffictacos.capacity.report.judge;

import store.traffictacos.capacity.results.PhaseWindow;

/**
 * A phase in seconds of the run, {@code [startSecond, endSecond)}, and the part that is judged:
 * {@code [judgedFrom, endSecond)}, after the settle seconds in which the platform adapts to the new
 * rate. A phase no longer than the settle time is judged whole, so that no phase goes unjudged by
 * accident; a phase can be left unjudged on purpose ({@code judged} false, e.g. a warm-up).
 */
public record PhaseSpan(
        String name, long startSecond, long endSecond, long settleSeconds, boolean ramp, boolean judged) {

    public static PhaseSpan of(PhaseWindow phase, long runStartEpochMs, long settleSeconds) {
        long start = secondOf(phase.startEpochMs(), runStartEpochMs);
        long end = secondOf(phase.endEpochMs(), runStartEpochMs);
        // A phase not judged is shown whole: there is no verdict to keep its first seconds out of.
        long settle = phase.judged() && end - start > settleSeconds ? settleSeconds : 0;
        return new PhaseSpan(phase.name(), start, end, settle, phase.fromRps() != phase.toRps(), phase.judged());
    }

    /** Where the phase's statistics start: after the settle seconds. */
    public long judgedFrom() {
        return startSecond + settleSeconds;
    }

    public long judgedSeconds() {
        return endSecond - judgedFrom();
    }

    /** Phases start on whole seconds of the run; rounding absorbs the scheduler's millisecond jitter. */
    private static long secondOf(long epochMs, long runStartEpochMs) {
        return Math.floorDiv(epochMs - runStartEpochMs + 500, 1000);
    }
}
