package store.traffictacos.capacity.simulations.run;

import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.simulations.journey.JourneyBook;

/**
 * The per-phase table printed when a runner ends, computed from its own results file. "sent"
 * below "offered" means this runner fell behind its schedule (its own limit, not the platform's).
 */
final class RunSummary {
    private RunSummary() {}

    static void print(MergedResults results, JourneyBook.Counts journeys, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%n%-10s %12s %12s %12s %9s %9s %9s %9s %9s%n",
                "phase",
                "offered rps",
                "sent rps",
                "achieved rps",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors %");
        for (PhaseWindow phase : results.runners().get(0).phases()) {
            long from = (phase.startEpochMs() - results.startEpochMs()) / 1000;
            long to = (phase.endEpochMs() - results.startEpochMs()) / 1000;
            double seconds = Math.max(1, to - from);
            Histogram all = results.window(from, to, endpoint -> true, outcome -> !Outcomes.neverSent(outcome));
            Histogram errors = results.window(from, to, endpoint -> true, Outcomes::isError);
            out.printf(
                    Locale.ROOT,
                    "%-10s %12.1f %12.1f %12.1f %9.2f %9.2f %9.2f %9.2f %9.2f%n",
                    phase.name(),
                    sum(results.scheduledPerSecond(), from, to) / seconds,
                    sum(results.sentPerSecond(), from, to) / seconds,
                    all.getTotalCount() / seconds,
                    ms(all.getValueAtPercentile(50)),
                    ms(all.getValueAtPercentile(95)),
                    ms(all.getValueAtPercentile(99)),
                    ms(all.getMaxValue()),
                    all.getTotalCount() == 0 ? 0.0 : 100.0 * errors.getTotalCount() / all.getTotalCount());
        }
        out.printf(
                "journeys: %d started, %d completed, %d abandoned, %d failed, %d in flight at the end%n",
                journeys.started(), journeys.completed(), journeys.abandoned(), journeys.failed(), journeys.inFlight());
        out.printf("outcomes: %s%n", results.countByOutcome());
    }

    private static long sum(long[] perSecond, long from, long to) {
        long total = 0;
        for (long second = Math.max(0, from); second < Math.min(to, perSecond.length); second++) {
            total += perSecond[(int) second];
        }
        return total;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
