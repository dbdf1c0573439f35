package store.traffictacos.capacity.controller;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import store.traffictacos.capacity.controller.RunSpec.AbortRules;
import store.traffictacos.capacity.runner.ProgressLine;

/**
 * The controller's console during a run: every runner's progress lines merged per interval (answers
 * and errors summed, latency histograms added, so the p99 is that of all runners), and the abort
 * rules judged on them. An interval is printed once every runner reported it, or once a later one
 * arrives.
 */
final class LiveProgress {
    private final int runners;
    private final AbortRules rules;
    private final AbortSignal abort;
    private final PrintStream console;
    private final TreeMap<Long, Interval> pending = new TreeMap<>();
    private long lastPrintedSecond;
    private long breachingSince = -1;

    LiveProgress(int runners, AbortRules rules, AbortSignal abort, PrintStream console) {
        this.runners = runners;
        this.rules = rules;
        this.abort = abort;
        this.console = console;
    }

    /** Takes one line a runner printed; lines other than progress lines are not the console's. */
    synchronized void accept(int runner, String line) {
        ProgressLine.parse(line).ifPresent(progress -> {
            if (progress.elapsedSecond() <= lastPrintedSecond) {
                return;
            }
            Interval interval = pending.computeIfAbsent(progress.elapsedSecond(), second -> new Interval());
            interval.add(progress);
            // Intervals before this one will not get more lines worth waiting for.
            while (!pending.isEmpty()
                    && (pending.firstKey() < progress.elapsedSecond()
                            || pending.firstEntry().getValue().reported == runners)) {
                Map.Entry<Long, Interval> done = pending.pollFirstEntry();
                print(done.getKey(), done.getValue());
            }
        });
    }

    private void print(long second, Interval interval) {
        double seconds = Math.max(1, second - lastPrintedSecond);
        lastPrintedSecond = second;
        double errorRate = interval.answered == 0 ? 0 : (double) interval.errors / interval.answered;
        double p99Ms = interval.latencyMicros.getValueAtPercentile(99) / 1000.0;
        console.printf(
                Locale.ROOT,
                "[%5ds] achieved %9.1f rps  p99 %8.1f ms  errors %6.2f %%  (%d of %d runners)%n",
                second,
                interval.answered / seconds,
                p99Ms,
                100 * errorRate,
                interval.reported,
                runners);
        judge(second, seconds, errorRate, p99Ms);
    }

    private void judge(long second, double seconds, double errorRate, double p99Ms) {
        boolean breach = errorRate > rules.errorRateAbove() || p99Ms > rules.p99AboveMs();
        if (!breach) {
            breachingSince = -1;
            return;
        }
        if (breachingSince < 0) {
            breachingSince = second - (long) seconds;
        }
        if (second - breachingSince >= rules.forSeconds()) {
            abort.abort(String.format(
                    Locale.ROOT,
                    "abort rule: error rate above %.0f %% or p99 above %.0f ms for "
                            + "%d s (at second %d: errors %.1f %%, p99 %.1f ms)",
                    100 * rules.errorRateAbove(),
                    rules.p99AboveMs(),
                    second - breachingSince,
                    second,
                    100 * errorRate,
                    p99Ms));
        }
    }

    private static final class Interval {
        long answered;
        long errors;
        int reported;
        final Histogram latencyMicros = new Histogram(3);

        void add(ProgressLine line) {
            answered += line.answered();
            errors += line.errors();
            reported++;
            latencyMicros.add(line.latencyMicros());
        }
    }
}
