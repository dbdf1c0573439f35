package store.traffictacos.capacity.results.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records one runner's purchase funnel while the load runs: a counter per stage and phase, and one
 * histogram recorder per phase for the time to admission, so that a journey's step costs a counter increment
 * (and a granted enter one histogram value), allocating nothing. Safe to call from every event loop at once.
 *
 * <p>A journey's phase is fixed when it joins ({@link #phaseOf}): counted from the measured start, given by
 * {@link #start} when the first measured request is sent. Journeys that join before it or after the last phase
 * count nowhere ({@link #OUTSIDE}).
 */
public final class FunnelRecorder {
    /** The phase of a journey that joined outside every phase: nothing it does is counted. */
    public static final int OUTSIDE = -1;

    private static final int SIGNIFICANT_DIGITS = 3;

    private enum Stage {
        JOURNEYS,
        JOINED,
        ADMITTED,
        HELD,
        PAID,
        CONFIRMED,
        DROPPED
    }

    private final double purchaseShare;
    private final List<String> phaseNames;
    /** Each phase's end, in nanoseconds from the measured start. */
    private final long[] phaseEndNanos;

    private final LongAdder[][] counts;
    private final Recorder[] admission;
    /** What each recorder held at earlier snapshots: a recorder hands out its values once. */
    private final Histogram[] admissionSoFar;

    private volatile long startNanos;
    private volatile boolean started;

    /**
     * @param purchaseShare the plan's share of journeys that set out to purchase
     * @param phaseNames the profile's phases, in order
     * @param phaseDurations their lengths
     */
    public FunnelRecorder(double purchaseShare, List<String> phaseNames, List<Duration> phaseDurations) {
        if (phaseNames.size() != phaseDurations.size()) {
            throw new IllegalArgumentException(
                    phaseNames.size() + " phase names for " + phaseDurations.size() + " durations");
        }
        this.purchaseShare = purchaseShare;
        this.phaseNames = List.copyOf(phaseNames);
        int phases = phaseNames.size();
        this.phaseEndNanos = new long[phases];
        long end = 0;
        for (int i = 0; i < phases; i++) {
            end += phaseDurations.get(i).toNanos();
            phaseEndNanos[i] = end;
        }
        this.counts = new LongAdder[Stage.values().length][phases];
        for (LongAdder[] stage : counts) {
            for (int i = 0; i < phases; i++) {
                stage[i] = new LongAdder();
            }
        }
        this.admission = new Recorder[phases];
        this.admissionSoFar = new Histogram[phases];
        for (int i = 0; i < phases; i++) {
            // not packed: HdrHistogram 2.2.2's packed recorder hung under concurrent writers (see LiveSeries); a flat
            // one costs some 100 KB per phase, and a run has a handful of phases
            admission[i] = new Recorder(SIGNIFICANT_DIGITS, false);
            admissionSoFar[i] = new Histogram(SIGNIFICANT_DIGITS);
        }
    }

    /** A recorder of no phases: it counts nothing (a journey book that keeps no funnel). */
    public static FunnelRecorder none() {
        return new FunnelRecorder(0, List.of(), List.of());
    }

    /** The measured load started at {@code nanos} ({@link System#nanoTime()}'s clock): phase 0 begins. */
    public void start(long nanos) {
        startNanos = nanos;
        started = true;
    }

    /** The phase a journey joining at {@code nanos} belongs to; {@link #OUTSIDE} before the start or after the end. */
    public int phaseOf(long nanos) {
        if (!started) {
            return OUTSIDE;
        }
        long sinceStart = nanos - startNanos;
        if (sinceStart < 0) {
            return OUTSIDE;
        }
        for (int i = 0; i < phaseEndNanos.length; i++) {
            if (sinceStart < phaseEndNanos[i]) {
                return i;
            }
        }
        return OUTSIDE;
    }

    /** A journey joined (its join was sent) in {@code phase}. */
    public void joined(int phase, boolean purchases) {
        count(Stage.JOURNEYS, phase);
        if (purchases) {
            count(Stage.JOINED, phase);
        }
    }

    /** Its enter was granted, {@code waitedNanos} after its join was sent. */
    public void admitted(int phase, boolean purchases, long waitedNanos) {
        if (phase == OUTSIDE) {
            return;
        }
        admission[phase].recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMillis(waitedNanos)));
        if (purchases) {
            count(Stage.ADMITTED, phase);
        }
    }

    /** A purchasing journey's hold succeeded. */
    public void held(int phase) {
        count(Stage.HELD, phase);
    }

    /** A purchasing journey's payment was approved. */
    public void paid(int phase) {
        count(Stage.PAID, phase);
    }

    /** A purchasing journey's reservation was confirmed. */
    public void confirmed(int phase) {
        count(Stage.CONFIRMED, phase);
    }

    /** A journey ended without a confirm (a failed step, or it left the queue). */
    public void dropped(int phase, boolean purchases) {
        if (purchases) {
            count(Stage.DROPPED, phase);
        }
    }

    private void count(Stage stage, int phase) {
        if (phase != OUTSIDE) {
            counts[stage.ordinal()][phase].increment();
        }
    }

    /** The funnel so far. */
    public synchronized Funnel snapshot() {
        List<PhaseFunnel> phases = new ArrayList<>(phaseNames.size());
        for (int i = 0; i < phaseNames.size(); i++) {
            admissionSoFar[i].add(admission[i].getIntervalHistogram());
            phases.add(new PhaseFunnel(
                    phaseNames.get(i),
                    sum(Stage.JOURNEYS, i),
                    sum(Stage.JOINED, i),
                    sum(Stage.ADMITTED, i),
                    sum(Stage.HELD, i),
                    sum(Stage.PAID, i),
                    sum(Stage.CONFIRMED, i),
                    sum(Stage.DROPPED, i),
                    admissionSoFar[i].copy()));
        }
        return new Funnel(purchaseShare, phases);
    }

    private long sum(Stage stage, int phase) {
        return counts[stage.ordinal()][phase].sum();
    }
}
