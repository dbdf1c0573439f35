package store.traffictacos.capacity.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import store.traffictacos.capacity.cli.TacosCapacity;

/**
 * The two ways a user starts the toolkit, run as they run: the {@code tacos-capacity} command line (in this
 * JVM, with everything printed to stdout and stderr captured) and {@code mvn gatling:test}'s forked JVM (a
 * process started the way gatling-maven-plugin 4.20 starts it: its run folder made first, the pom's
 * {@code -D} options, Gatling's main class with the simulation and the results folder).
 */
final class EntryPoint {
    /** What came back: the exit code, everything printed, and how long it took. */
    record Outcome(int exitCode, String output, long elapsedMs) {
        List<String> errorLines() {
            return output.lines().filter(line -> line.startsWith("error:")).toList();
        }
    }

    private static final String SIMULATION = "store.traffictacos.capacity.simulations.TicketingSimulation";

    private EntryPoint() {}

    /** {@code java -jar tacos-capacity.jar <args>}, in this JVM. */
    static synchronized Outcome cli(List<String> args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try {
            System.setOut(capture);
            System.setErr(capture);
            CommandLine commandLine = TacosCapacity.commandLine();
            commandLine.setOut(new PrintWriter(capture, true));
            commandLine.setErr(new PrintWriter(capture, true));
            int exit = commandLine.execute(args.toArray(String[]::new));
            capture.flush();
            return new Outcome(exit, printed.toString(StandardCharsets.UTF_8), elapsedMs(start));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * {@code mvn gatling:test -D<properties>} as the plugin runs it: a JVM with Gatling's main class, whose
     * results folder {@code reports/<run-id>} the plugin makes before it starts it.
     *
     * @param workDir the project folder (the JVM's working folder, holding {@code reports/})
     */
    static Outcome gatling(Path workDir, String runId, Map<String, String> properties, Map<String, String> env) {
        Path runFolder = workDir.resolve("reports").resolve(runId);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Xmx512m",
                "-Drun.id=" + runId,
                "-Dreports.dir=" + runFolder,
                "-Dverdict.failBuild=true"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(
                List.of("-cp", classPath(), "io.gatling.app.Gatling", "-s", SIMULATION, "-rf", runFolder.toString()));
        long start = System.nanoTime();
        try {
            Files.createDirectories(runFolder);
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().remove("TACOS_JWT_SECRET");
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the simulation JVM did not end: " + output);
            }
            return new Outcome(process.exitValue(), output, elapsedMs(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test class path (surefire and failsafe may hand the JVM a manifest-only jar instead). */
    static String classPath() {
        String full = System.getProperty("surefire.test.class.path");
        return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
