package store.traffictacos.capacity.simulations.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * How a runner's JVM ends for whoever started it. {@code mvn gatling:test} forks a JVM whose only answer
 * Maven reads is its exit code (gatling-maven-plugin 4.20: 0 success, 2 "assertions failed", anything
 * else "Gatling failed"), and Gatling 3.15 logs any exception from the simulation's constructor as "Run
 * crashed" with its stack trace, which the plugin's launcher prints a second time. So:
 *
 * <ul>
 *   <li>a refused input ends the JVM at once with one {@code error:} line and exit code 1, before Gatling
 *       can add anything, and removes the empty run folder the plugin made for it;
 *   <li>a report that is not a PASS ends the JVM with {@value RunnerSettings#EXIT_NOT_PASSED} once Gatling
 *       is done (its own HTML report written), when {@code verdict.failBuild} asks for it.
 * </ul>
 */
final class RunnerExit {
    static final int EXIT_REFUSED = 1;
    /** The plugin creates the run folder just before it starts this JVM; an older empty folder is the user's. */
    private static final Duration MADE_FOR_THIS_RUN = Duration.ofMinutes(1);

    private RunnerExit() {}

    /**
     * Ends the JVM for a refused input: one line, nothing half-created.
     *
     * @param properties the JVM's properties: {@code reports.dir} is the folder the plugin made for the run
     */
    static void refuse(RuntimeException refused, Map<String, String> properties, PrintStream err) {
        err.println("error: " + Uris.redact(oneLine(refused)));
        err.flush();
        removeEmptyRunFolder(properties.get("reports.dir"));
        Runtime.getRuntime().exit(EXIT_REFUSED);
    }

    /** Whether an input error reads as one line ({@code IllegalArgumentException}, a failed check); a bug keeps its trace. */
    static boolean isRefusal(RuntimeException e) {
        return e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException;
    }

    /**
     * Once Gatling has written its own report and exits, makes the JVM's exit code {@value
     * RunnerSettings#EXIT_NOT_PASSED} when the report did not pass or measured nothing, saying the verdict
     * again as the last line, right above Maven's BUILD FAILURE. Gatling decides its exit code from its own
     * assertions only and calls {@code System.exit} itself after its report, so the code is set by a shutdown
     * hook: the last thing this JVM does (the run's own hooks are gone by then, the target closed).
     */
    static void failBuildUnlessPassed(ReportService.Written written, PrintStream err) {
        String verdict = notPassed(written);
        if (verdict == null) {
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println(verdict);
                            err.flush();
                            Runtime.getRuntime().halt(RunnerSettings.EXIT_NOT_PASSED);
                        },
                        "tacos-verdict-exit"));
    }

    /** @return the verdict line of a report that did not pass or measured nothing; null when it passed */
    static String notPassed(ReportService.Written written) {
        CapacityReport report = written.report();
        long requests = report.phases().stream()
                .mapToLong(CapacityReport.PhaseReport::requests)
                .sum();
        if (requests == 0) {
            return "verdict: nothing measured (no request was sent in any phase), so nothing passed";
        }
        if (ReportBuilder.exitCode(report) == 0) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        ReportService.announce(written, ReportService.VerdictLine.LABELLED, lines::add);
        return lines.get(0);
    }

    private static void removeEmptyRunFolder(String reportsDir) {
        if (reportsDir == null || reportsDir.isBlank()) {
            return;
        }
        Path folder = Path.of(reportsDir).toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(folder) || !isEmpty(folder) || !madeForThisRun(folder)) {
                return;
            }
            Files.delete(folder);
        } catch (IOException | RuntimeException e) {
            // Best effort: the run is refused either way, and its one line is already out.
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static boolean madeForThisRun(Path folder) throws IOException {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return !Files.getLastModifiedTime(folder).toInstant().isBefore(jvmStart.minus(MADE_FOR_THIS_RUN));
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
