package store.traffictacos.capacity.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * One run's folder, {@code reports/<run-id>/}, and the name of everything in it: what the runners,
 * the controller and the report read and write there. Nothing else spells these names.
 *
 * <pre>
 * reports/&lt;run-id&gt;/
 *   runner-&lt;i&gt;/        one runner's results (format in store.traffictacos.capacity.results), with
 *                     invariants.json, what its journeys saw of the sale (results.invariants.LedgerFile),
 *                     funnel.json, how far its journeys went per phase (results.funnel.FunnelFile)
 *   runners.json      what became of each runner (the controller's word, for the report)
 *   platform.json     the platform series sampled beside the load
 *   status.json       the run's stage, or where and why it failed (runs of the controller)
 *   cleanup.json      what the platform deleted of the run's test data afterwards, or why it could not
 *   logs/runner-&lt;i&gt;.log   each local runner's output
 *   gatling/          Gatling's own output, when it writes any
 *   .runners/&lt;i&gt;/     local runners' working folders, removed when the run ends
 *   report.html, report.json, junit.xml, summary.md   the capacity report
 * </pre>
 */
public record RunFolder(Path dir) {
    private static final String RUNNER_PREFIX = "runner-";

    public RunFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    public static RunFolder of(Path reportsDir, String runId) {
        return new RunFolder(reportsDir.resolve(runId));
    }

    /** Runner {@code index}'s results folder. */
    public Path runner(int index) {
        return dir.resolve(runnerName(index));
    }

    /** How messages name any runner's folder, {@code runner-<i>}. */
    public static final String RUNNER_PATTERN = RUNNER_PREFIX + "<i>";

    /** The name of runner {@code index} wherever one file or folder per runner is kept, {@code runner-<i>}. */
    public static String runnerName(int index) {
        return RUNNER_PREFIX + index;
    }

    /** The runner results folders present, by index. */
    public List<Path> runners() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> indexOf(child.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparingInt(
                            child -> indexOf(child.getFileName().toString()).getAsInt()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path runnersFile() {
        return dir.resolve("runners.json");
    }

    public Path platformFile() {
        return dir.resolve("platform.json");
    }

    /** What the probe before the load found about the platform's per-client limit. */
    public Path rateLimitProbeFile() {
        return dir.resolve("rate-limit-probe.json");
    }

    public Path cleanupFile() {
        return dir.resolve("cleanup.json");
    }

    public Path statusFile() {
        return dir.resolve("status.json");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path runnerLog(int index) {
        return logs().resolve(runnerName(index) + ".log");
    }

    public Path gatling() {
        return dir.resolve("gatling");
    }

    /** Where the local backend's runner JVMs work; removed when the run ends. */
    public Path localRunners() {
        return dir.resolve(".runners");
    }

    private static OptionalInt indexOf(String name) {
        if (!name.startsWith(RUNNER_PREFIX)) {
            return OptionalInt.empty();
        }
        try {
            int index = Integer.parseInt(name.substring(RUNNER_PREFIX.length()));
            return index >= 0 ? OptionalInt.of(index) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
