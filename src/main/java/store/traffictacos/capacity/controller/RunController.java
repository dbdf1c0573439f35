package store.traffictacos.capacity.controller;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.function.LongSupplier;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.report.ReportBuilder;

/**
 * Runs one distributed run through its stages (see {@link Stage}): validate, scale, launch, barrier,
 * start, monitor; then, whatever happened, the wind-down that applies: collect (once runners were
 * launched), restore (once the platform was touched), flush the platform's test data (once runners were
 * launched, when the run asks for it: by default on the embedded target), report (once results came back),
 * clean up.
 * The status is written to the run folder at every step. An abort (Ctrl-C, SIGTERM, an abort rule)
 * interrupts a waiting stage and leads to the same wind-down.
 */
public final class RunController {
    private static final List<RunStage> UNTIL_MONITOR = List.of(
            new ValidateStage(),
            new ScaleStage(),
            new LaunchStage(),
            new BarrierStage(),
            new StartStage(),
            new MonitorStage());

    private final RunContext run;
    private volatile Thread running;
    private volatile boolean interruptible;
    private RunStatus status;

    public RunController(RunSpec spec, RunBackend backend, PrintStream console, LongSupplier clock) {
        AbortSignal abort = new AbortSignal();
        this.run = new RunContext(
                spec,
                backend,
                new PlatformSampling(
                        backend.live(), backend.afterwards(), spec.platform().period()),
                new LiveProgress(spec.runners(), spec.abort(), abort, console),
                abort,
                console,
                clock);
        this.status = RunStatus.pending(spec.runId(), clock.getAsLong());
    }

    /** Where runner output goes: the merged progress (other lines are the runner's own log). */
    public void runnerLine(int runner, String line) {
        run.progress.accept(runner, line);
    }

    /**
     * Stops the run early with {@code reason}; it still collects, restores and reports. A stage waiting
     * before the load started (scale, barrier) is interrupted; a running load is stopped by the monitor.
     */
    public void abort(String reason) {
        run.abort.abort(reason);
        Thread thread = running;
        if (thread != null && interruptible) {
            thread.interrupt();
        }
    }

    /** Runs every stage that applies and returns the final status (DONE or FAILED with the first reason). */
    public RunStatus execute() {
        running = Thread.currentThread();
        boolean newFolder = !Files.exists(run.spec.runDir());
        try (PlatformSampling platform = run.platform) {
            interruptible = true;
            for (RunStage stage : UNTIL_MONITOR) {
                if (run.abort.reason() != null) {
                    status = status.fail("aborted: " + run.abort.reason());
                    break;
                }
                // The monitor stops the runners itself on an abort; an interrupt would skip that.
                interruptible = stage.stage() != Stage.MONITOR;
                attempt(stage);
                if (status.failed()) {
                    break;
                }
            }
            interruptible = false;
            Thread.interrupted();
            if (status.reached(Stage.LAUNCH)) {
                attempt(new CollectStage());
            }
            if (status.reached(Stage.SCALE) && !run.spec.scale().isEmpty()) {
                attempt(new RestoreStage());
            }
            if (status.reached(Stage.LAUNCH) && run.spec.runner().cleanupAfter(run.spec.target() == null)) {
                attempt(new FlushStage());
            }
            if (run.collected.stream().anyMatch(runner -> runner.outcome() == CollectedRunner.Outcome.COLLECTED)) {
                attempt(new ReportStage());
            }
            if (status.reached(Stage.LAUNCH)) {
                attempt(new CleanUpStage());
            }
            status = status.finish(run.clock.getAsLong());
            if (newFolder && refused()) {
                // Refused before anything ran: nothing is left behind; the console and the command say why.
                RunStatusFile.remove(run.spec.runDir());
            } else {
                save();
            }
            if (status.failed()) {
                run.say("FAILED in " + status.failure().stage().label() + ": "
                        + Uris.redact(status.failure().reason()));
            }
            return status;
        } finally {
            running = null;
        }
    }

    /**
     * The exit code: 1 when the run failed (an error, not a verdict), else the report's (0 passed, 2 not).
     * A failed run whose report exists still says 1: its load was not the one asked for.
     */
    public int exitCode() {
        if (status.failed() || run.report == null) {
            return 1;
        }
        return ReportBuilder.exitCode(run.report.report());
    }

    /** A run that failed in validate: nothing was created, scaled or launched. */
    private boolean refused() {
        return status.failed() && status.failure().stage() == Stage.VALIDATE;
    }

    private void attempt(RunStage stage) {
        status = status.enter(stage.stage(), run.clock.getAsLong());
        save();
        try {
            stage.run(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = status.fail(
                    run.abort.reason() != null
                            ? "aborted: " + run.abort.reason()
                            : stage.stage().label() + ": interrupted");
        } catch (Exception e) {
            if (status.failed()) {
                // The run keeps its first failure; one during the wind-down is still worth knowing.
                run.say(stage.stage().label() + " failed too: " + oneLine(e));
            }
            status = status.fail(oneLine(e));
        }
        save();
    }

    private void save() {
        RunStatusFile.write(run.spec.runDir(), status);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
