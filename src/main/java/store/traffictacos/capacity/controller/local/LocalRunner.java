package store.traffictacos.capacity.controller.local;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;
import store.traffictacos.capacity.runner.StartInstant;

/** One runner JVM on this machine: its process, its log, and whether it said it is ready. */
final class LocalRunner {
    final int index;
    final Path dir;
    private final Process process;
    private final Thread output;
    private volatile boolean ready;
    private volatile String lastLine = "";
    private volatile String firstError;

    private LocalRunner(int index, Path dir, Process process, BiConsumer<Integer, String> lines) {
        this.index = index;
        this.dir = dir;
        this.process = process;
        this.output = new Thread(() -> copyOutput(lines), "tacos-runner-" + index + "-output");
        output.setDaemon(true);
        output.start();
    }

    static LocalRunner start(
            int index, Path dir, List<String> command, Map<String, String> env, BiConsumer<Integer, String> lines) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            return new LocalRunner(index, dir, process, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start runner " + index + ": " + e.getMessage(), e);
        }
    }

    Path log() {
        return dir.resolve("runner.log");
    }

    boolean ready() {
        return ready;
    }

    boolean alive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** What went wrong, as the runner said it: its first {@code error:} line, else its last line. */
    String lastWords() {
        return firstError != null ? firstError : lastLine;
    }

    RunnerState state() {
        String pid = "pid " + process.pid();
        if (process.isAlive()) {
            return new RunnerState(index, ready ? Phase.RUNNING : Phase.PENDING, pid, null);
        }
        int exit = process.exitValue();
        return exit == 0
                ? new RunnerState(index, Phase.SUCCEEDED, pid, null)
                : new RunnerState(index, Phase.FAILED, pid, exitReason(exit));
    }

    /** Waits for the output to be copied to the end (after the process exited). */
    void awaitOutput() throws InterruptedException {
        output.join(5_000);
    }

    private static String exitReason(int exit) {
        return switch (exit) {
            case 143 -> "terminated (SIGTERM, exit code 143)";
            case 137 -> "killed (SIGKILL, exit code 137)";
            default -> "exit code " + exit;
        };
    }

    private void copyOutput(BiConsumer<Integer, String> lines) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(log())) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.write(line);
                log.newLine();
                log.flush();
                lastLine = line;
                if (firstError == null && line.startsWith("error: ")) {
                    firstError = line;
                }
                if (line.startsWith(StartInstant.READY)) {
                    ready = true;
                }
                lines.accept(index, line);
            }
        } catch (IOException e) {
            // The runner's output ended with it; its state says how.
        }
    }
}
