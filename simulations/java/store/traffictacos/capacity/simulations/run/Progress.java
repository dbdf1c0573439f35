package store.traffictacos.capacity.simulations.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.runner.ProgressLine;
import store.traffictacos.capacity.simulations.journey.JourneyBook;

/**
 * Prints, every few seconds of the measured load, where the run is and how it is going; for a
 * controlled runner also the same interval as a {@link ProgressLine} the controller merges.
 */
final class Progress implements AutoCloseable {
    private static final long EVERY_SECONDS = 5;

    private final LoadProfile profile;
    private final long startAtEpochMs;
    private final LiveStats stats;
    private final JourneyBook journeys;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tacos-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final Integer controlledRunner;
    private long lastEpochMs;

    /** @param controlledRunner this runner's index when the controller reads its progress lines, else null */
    Progress(
            LoadProfile profile,
            long startAtEpochMs,
            LiveStats stats,
            JourneyBook journeys,
            PrintStream out,
            Integer controlledRunner) {
        this.controlledRunner = controlledRunner;
        this.profile = profile;
        this.startAtEpochMs = startAtEpochMs;
        this.stats = stats;
        this.journeys = journeys;
        this.out = out;
    }

    void start() {
        lastEpochMs = startAtEpochMs;
        long firstDelayMs = Math.max(0, startAtEpochMs - System.currentTimeMillis()) + EVERY_SECONDS * 1000;
        timer.scheduleAtFixedRate(this::print, firstDelayMs, EVERY_SECONDS * 1000, TimeUnit.MILLISECONDS);
    }

    private void print() {
        long now = System.currentTimeMillis();
        LiveStats.Interval interval = stats.interval();
        double seconds = Math.max(0.001, (now - lastEpochMs) / 1000.0);
        Duration from = Duration.ofMillis(lastEpochMs - startAtEpochMs);
        Duration to = Duration.ofMillis(now - startAtEpochMs);
        lastEpochMs = now;
        String phase = profile.phaseAt(to).map(Phase::name).orElse("drain");
        JourneyBook.Counts counts = journeys.counts();
        out.printf(
                Locale.ROOT,
                "[%4ds/%4ds] %-8s offered %8.1f rps  achieved %8.1f rps  p99 %7.1f ms  errors %5.2f %%"
                        + "  journeys %d done, %d in flight%n",
                to.toSeconds(),
                profile.totalDuration().toSeconds(),
                phase,
                profile.expectedRequests(from, to) / seconds,
                interval.answered() / seconds,
                interval.latencyMicros().getValueAtPercentile(99) / 1000.0,
                interval.answered() == 0 ? 0.0 : 100.0 * interval.errors() / interval.answered(),
                counts.completed(),
                counts.inFlight());
        if (controlledRunner != null) {
            out.println(new ProgressLine(
                            controlledRunner,
                            Math.round((now - startAtEpochMs) / 1000.0),
                            interval.answered(),
                            interval.errors(),
                            interval.latencyMicros())
                    .format());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
