package store.traffictacos.capacity.controller.setup;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import store.traffictacos.capacity.controller.RunBackend;
import store.traffictacos.capacity.controller.RunController;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.local.LocalRunnerFleet;

/**
 * One run wired for its backend: the backend the spec asks for (local runner JVMs or a Kubernetes
 * Job), and its controller, with every line the runners print going to the controller's merged
 * progress. What {@code tacos-capacity run} executes, and what the end-to-end tests execute as it does.
 * Closing it closes the backend (the embedded target, API clients).
 */
public final class RunAssembly implements AutoCloseable {
    private final RunBackend backend;
    private final RunController controller;

    private RunAssembly(RunBackend backend, RunController controller) {
        this.backend = backend;
        this.controller = controller;
    }

    /** {@link #open(RunSpec, PrintStream, LongSupplier, BiConsumer)} without an extra listener of runner lines. */
    public static RunAssembly open(RunSpec spec, PrintStream console, LongSupplier clock) {
        return open(spec, console, clock, (runner, line) -> {});
    }

    /**
     * @param alsoRunnerLines sees every runner line too, before the controller does (tests watch runners with it)
     * @throws IllegalArgumentException one line, when the backend cannot be opened (no kubeconfig...)
     */
    public static RunAssembly open(
            RunSpec spec, PrintStream console, LongSupplier clock, BiConsumer<Integer, String> alsoRunnerLines) {
        // Runners may print before the controller exists (the backend opens first); those lines are only watched.
        AtomicReference<RunController> wired = new AtomicReference<>();
        BiConsumer<Integer, String> runnerLines = (runner, line) -> {
            alsoRunnerLines.accept(runner, line);
            RunController running = wired.get();
            if (running != null) {
                running.runnerLine(runner, line);
            }
        };
        RunBackend backend = spec.backend() == RunSpec.Backend.LOCAL
                ? LocalBackend.open(spec, LocalRunnerFleet.thisJava(), runnerLines)
                : KubernetesBackend.open(spec, runnerLines);
        RunController controller = new RunController(spec, backend, console, clock);
        wired.set(controller);
        return new RunAssembly(backend, controller);
    }

    public RunController controller() {
        return controller;
    }

    @Override
    public void close() {
        backend.close();
    }
}
