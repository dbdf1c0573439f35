package store.traffictacos.capacity.controller.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The load runners of one run, as one unit: launched together, started at one common instant,
 * watched, stopped, collected and removed together.
 *
 * <p>A controller uses it in this order: {@link #check}, {@link #launch}, {@link #awaitReady},
 * {@link #start}, {@link #states} while the run lasts, {@link #stop} only to abort, then
 * {@link #collect} and {@link #cleanUp} whatever happened before.
 */
public interface RunnerFleet {

    /**
     * Checks, creating nothing, that the runners can be launched and managed here.
     *
     * @throws IllegalArgumentException one line, naming what is missing or forbidden
     */
    void check();

    /**
     * Creates the runners, which then wait for the start signal.
     *
     * @throws IllegalArgumentException one line, when the platform refuses the run
     */
    void launch(RunnerLaunch launch);

    /**
     * Waits until every runner is up. Runners may wait minutes for a node to be added, so pending
     * runners are waited for until {@code timeout}.
     *
     * @throws BarrierException one line, on timeout (naming the runners still pending and why) or
     *                          when a runner ends before the start
     */
    Barrier awaitReady(Duration timeout) throws InterruptedException;

    /** Publishes the instant at which every runner starts its measured load. */
    void start(Instant startAt);

    /** Every runner's state, by index. */
    List<RunnerState> states();

    /**
     * Aborts the run: every runner still running is stopped gracefully so that it prints its
     * partial results. Returns once they have exited, or the grace period is over.
     */
    void stop() throws InterruptedException;

    /**
     * Copies each runner's results into {@code runDir/runner-<index>/}: one entry per runner,
     * collected or with the reason why not.
     */
    List<CollectedRunner> collect(Path runDir);

    /** Removes everything the run created; afterwards nothing labelled with its run id remains. */
    void cleanUp() throws InterruptedException;
}
