package store.traffictacos.capacity.controller.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import store.traffictacos.capacity.controller.fleet.CollectedRunner.Outcome;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;

/**
 * A {@link RunnerFleet} without processes or a cluster, so that a controller is tested in the unit
 * tier: what the runners do is scripted (their readiness, the phases they go through, the results they
 * leave), and every call the controller makes is recorded in order. Unscripted, the runners are ready at
 * once, have all succeeded at the first look, and leave no results.
 */
public final class FakeFleet implements RunnerFleet {
    /** What a local runner says when it was stopped; a stopped runner's results are partial. */
    public static final String STOPPED = "terminated (SIGTERM, exit code 143)";

    private final List<String> calls = new ArrayList<>();
    private String checkFailure;
    private String pendingReason;
    private Runnable whileWaitingAtBarrier;
    private Runnable onEveryLook = () -> {};
    private Phase phaseAtFirstLook = Phase.SUCCEEDED;
    private Consumer<Path> results;

    private RunnerLaunch launch;
    private Duration barrierTimeout;
    private Instant startAt;
    private boolean stopped;

    /** {@link #check} refuses the run with {@code message}, as a fleet without the rights it needs. */
    public FakeFleet refusingChecks(String message) {
        this.checkFailure = message;
        return this;
    }

    /**
     * No runner ever comes up: {@link #awaitReady} fails at once as it would after its timeout, each
     * runner pending for {@code reason} (the wait itself is no part of what the controller decides).
     */
    public FakeFleet neverReady(String reason) {
        this.pendingReason = reason;
        return this;
    }

    /**
     * {@link #awaitReady} runs {@code whileWaiting} and then waits, as for nodes being added, until it is
     * interrupted (or its timeout is over, when it fails as {@link #neverReady} does).
     */
    public FakeFleet waitingAtBarrier(Runnable whileWaiting) {
        this.whileWaitingAtBarrier = whileWaiting;
        return this;
    }

    /** The runners run until stopped; {@code onEveryLook} runs at each look at their states. */
    public FakeFleet runningUntilStopped(Runnable onEveryLook) {
        this.phaseAtFirstLook = Phase.RUNNING;
        this.onEveryLook = onEveryLook;
        return this;
    }

    /** Every runner has failed by the first look at their states (their results are partial). */
    public FakeFleet failingRunners() {
        this.phaseAtFirstLook = Phase.FAILED;
        return this;
    }

    /**
     * Once started, the runners leave results: {@code writer} writes every runner's {@code runner-<i>}
     * folder into the run folder it is given, which {@link #collect} then reports as collected.
     */
    public FakeFleet leavingResults(Consumer<Path> writer) {
        this.results = writer;
        return this;
    }

    /** Every call the controller made, by method name, in order ({@code states} once per look). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The launch the controller asked for, or null before {@link #launch}. */
    public RunnerLaunch launched() {
        return launch;
    }

    /** The timeout the controller gave {@link #awaitReady}, or null before it. */
    public Duration barrierTimeout() {
        return barrierTimeout;
    }

    /** The start instant the controller published, or null before {@link #start}. */
    public Instant startAt() {
        return startAt;
    }

    @Override
    public void check() {
        calls.add("check");
        if (checkFailure != null) {
            throw new IllegalArgumentException(checkFailure);
        }
    }

    @Override
    public void launch(RunnerLaunch launch) {
        calls.add("launch");
        this.launch = launch;
    }

    @Override
    public Barrier awaitReady(Duration timeout) throws InterruptedException {
        calls.add("awaitReady");
        this.barrierTimeout = timeout;
        if (whileWaitingAtBarrier != null) {
            whileWaitingAtBarrier.run();
            Thread.sleep(timeout.toMillis());
        }
        if (whileWaitingAtBarrier != null || pendingReason != null) {
            throw BarrierException.timedOut(runners(Phase.PENDING, pendingReason), timeout);
        }
        return new Barrier(Duration.ZERO, runners(Phase.RUNNING, null));
    }

    @Override
    public void start(Instant startAt) {
        calls.add("start");
        this.startAt = startAt;
    }

    @Override
    public List<RunnerState> states() {
        calls.add("states");
        onEveryLook.run();
        return current();
    }

    @Override
    public void stop() {
        calls.add("stop");
        stopped = true;
    }

    @Override
    public List<CollectedRunner> collect(Path runDir) {
        calls.add("collect");
        if (startAt == null || results == null) {
            return runners(Phase.FAILED, "no results written").stream()
                    .map(state -> new CollectedRunner(state.index(), Outcome.MISSING, null, state.reason(), state))
                    .toList();
        }
        results.accept(runDir);
        return current().stream()
                .map(state -> new CollectedRunner(
                        state.index(), Outcome.COLLECTED, runDir.resolve("runner-" + state.index()), null, state))
                .toList();
    }

    @Override
    public void cleanUp() {
        calls.add("cleanUp");
    }

    private List<RunnerState> current() {
        if (stopped) {
            return runners(Phase.FAILED, STOPPED);
        }
        return runners(phaseAtFirstLook, phaseAtFirstLook == Phase.FAILED ? "exit code 1" : null);
    }

    private List<RunnerState> runners(Phase phase, String reason) {
        return IntStream.range(0, launch.runnerCount())
                .mapToObj(index -> new RunnerState(index, phase, "runner-pod-" + index, reason))
                .toList();
    }
}
