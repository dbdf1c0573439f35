package store.traffictacos.capacity.controller.local;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import store.traffictacos.capacity.controller.fleet.Barrier;
import store.traffictacos.capacity.controller.fleet.BarrierException;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.fleet.RunnerFleet;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.runner.FileStartSignal;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.RunnerContract;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * The runners as JVMs on this machine (for tests, a laptop, or one big box): each runs the
 * {@code runner} command with the launch's settings, in its own folder under the run folder's
 * {@link RunFolder#localRunners()}, with its index in its environment, and waits for the start instant
 * in a file. Every path a runner is given is absolute, whatever folder the controller was started from.
 * Image, resources and placement of the launch do not apply here.
 */
public final class LocalRunnerFleet implements RunnerFleet {
    /** How long a stopped runner has to write its partial results before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final String MAIN_CLASS = "store.traffictacos.capacity.cli.TacosCapacity";

    private final RunFolder runFolder;
    private final Path workDir;
    private final List<String> java;
    private final BiConsumer<Integer, String> output;
    private final List<LocalRunner> runners = new ArrayList<>();

    /**
     * @param runDir the run's folder; runners work below it and their results are collected into it
     * @param javaCommand the java command and its options up to the main class, e.g. {@code [java, -cp, <jar>]}
     * @param output every line a runner prints, with its index (progress, errors)
     */
    public LocalRunnerFleet(Path runDir, List<String> javaCommand, BiConsumer<Integer, String> output) {
        this.runFolder = new RunFolder(runDir);
        this.workDir = runFolder.localRunners();
        this.java = List.copyOf(javaCommand);
        this.output = output;
    }

    /**
     * This JVM's java and class path: what the local runners run with. The class path is made absolute, as
     * a runner starts in its own folder ({@code java -jar target/tacos-capacity.jar} gives a relative one).
     */
    public static List<String> thisJava() {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                classPath);
    }

    @Override
    public void check() {
        if (!Files.isExecutable(Path.of(java.get(0)))) {
            throw new IllegalArgumentException("local runners: no java at " + java.get(0));
        }
    }

    @Override
    public void launch(RunnerLaunch launch) {
        try {
            Files.createDirectories(workDir);
            for (int index = 0; index < launch.runnerCount(); index++) {
                Path dir = Files.createDirectories(workDir.resolve(Integer.toString(index)));
                Path properties = writeProperties(
                        dir, launch.runner().withReportsDir(results(dir).dir()));
                List<String> command = new ArrayList<>(java);
                command.addAll(List.of(
                        MAIN_CLASS,
                        "runner",
                        "--properties",
                        properties.toString(),
                        "--start-signal",
                        "file:" + startFile()));
                runners.add(LocalRunner.start(
                        index, dir, command, Map.of(RunnerContract.ENV_INDEX, Integer.toString(index)), output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch local runners in " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Barrier awaitReady(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (true) {
            for (LocalRunner runner : runners) {
                if (!runner.ready() && !runner.alive()) {
                    throw new BarrierException("barrier: runner " + runner.index + " ended before it was ready ("
                            + runner.state().reason() + "): " + runner.lastWords());
                }
            }
            List<LocalRunner> pending =
                    runners.stream().filter(runner -> !runner.ready()).toList();
            if (pending.isEmpty()) {
                return new Barrier(Duration.ofNanos(System.nanoTime() - started), states());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw BarrierException.timedOut(states(), timeout);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void start(Instant startAt) {
        try {
            FileStartSignal.publish(startFile(), startAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the start instant: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RunnerState> states() {
        return runners.stream().map(LocalRunner::state).toList();
    }

    @Override
    public void stop() throws InterruptedException {
        runners.stream()
                .filter(LocalRunner::alive)
                .forEach(runner -> runner.process().destroy());
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (LocalRunner runner : runners) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !runner.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                runner.process().destroyForcibly();
            }
        }
    }

    @Override
    public List<CollectedRunner> collect(Path runDir) {
        List<CollectedRunner> collected = new ArrayList<>();
        for (LocalRunner runner : runners) {
            try {
                runner.awaitOutput();
                RunFolder into = new RunFolder(runDir);
                Files.createDirectories(into.logs());
                Files.copy(runner.log(), into.runnerLog(runner.index), StandardCopyOption.REPLACE_EXISTING);
                Path results = results(runner.dir).runner(runner.index);
                RunnerState state = runner.state();
                if (Files.isRegularFile(results.resolve(ResultsFiles.MANIFEST_FILE))) {
                    Path runnerResults = into.runner(runner.index);
                    copyTree(results, runnerResults);
                    collected.add(new CollectedRunner(
                            runner.index, CollectedRunner.Outcome.COLLECTED, runnerResults, null, state));
                } else {
                    collected.add(new CollectedRunner(
                            runner.index,
                            CollectedRunner.Outcome.MISSING,
                            null,
                            "no results written" + (state.reason() == null ? "" : " (" + state.reason() + ")"),
                            state));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot collect runner " + runner.index + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while collecting runner " + runner.index, e);
            }
        }
        return collected;
    }

    @Override
    public void cleanUp() throws InterruptedException {
        for (LocalRunner runner : runners) {
            if (runner.alive()) {
                runner.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        deleteTree(workDir);
    }

    private Path startFile() {
        return workDir.resolve("start-at");
    }

    /** A runner's own run folder, inside its working folder; its results are copied out when collected. */
    private static RunFolder results(Path runnerDir) {
        return new RunFolder(runnerDir.resolve("results"));
    }

    private static Path writeProperties(Path dir, RunnerSettings settings) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings.toProperties());
        StringWriter text = new StringWriter();
        properties.store(text, "a runner of run " + settings.runId());
        Path file = dir.resolve("runner.properties");
        Files.writeString(file, text.toString());
        return file;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
