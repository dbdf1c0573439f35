package store.traffictacos.capacity.controller;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import store.traffictacos.capacity.controller.fleet.Barrier;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.fleet.RunnerFleet;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.report.ReportService;

/**
 * What the stages of one run share: the spec, the backend's parts, and what earlier stages found
 * (set once by the stage that finds it, read by later ones).
 *
 * @param target the URL the runners load (the embedded target's, on the local backend without one)
 */
final class RunContext {
    final RunSpec spec;
    final URI target;
    final RunnerFleet fleet;
    final PlatformScaler scaler;
    final Runnable preflight;
    final PlatformSampling platform;
    final LiveProgress progress;
    final AbortSignal abort;
    final PrintStream console;
    final LongSupplier clock;

    Barrier barrier;
    Instant startAt;
    List<CollectedRunner> collected = List.of();
    ReportService.Written report;

    RunContext(
            RunSpec spec,
            RunBackend backend,
            PlatformSampling platform,
            LiveProgress progress,
            AbortSignal abort,
            PrintStream console,
            LongSupplier clock) {
        this.spec = spec;
        this.target = backend.target();
        this.fleet = backend.fleet();
        this.scaler = backend.scaler();
        this.preflight = backend.preflight();
        this.platform = platform;
        this.progress = progress;
        this.abort = abort;
        this.console = console;
        this.clock = clock;
    }

    void say(String message) {
        console.println("tacos-capacity [" + spec.runId() + "] " + message);
    }
}
