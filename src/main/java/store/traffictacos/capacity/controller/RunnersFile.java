package store.traffictacos.capacity.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.results.RunnerOutcomes;
import store.traffictacos.capacity.runner.RunFolder;

/** {@code runners.json}: what became of each runner, read by the report to name missing runners. */
final class RunnersFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunnersFile() {}

    static void write(Path runDir, List<CollectedRunner> collected) {
        List<RunnerOutcomes.Runner> runners = collected.stream()
                .map(runner -> new RunnerOutcomes.Runner(
                        runner.index(), runner.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        runner.state().phase().name().toLowerCase(java.util.Locale.ROOT), describe(runner)))
                .toList();
        try {
            Files.createDirectories(runDir);
            JSON.writeValue(new RunFolder(runDir).runnersFile().toFile(), new RunnerOutcomes(runners));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the runners' outcomes into " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** E.g. {@code collected}, {@code collected (partial: terminated (SIGTERM, exit code 143))}, {@code missing: ...}. */
    static String describe(CollectedRunner runner) {
        return switch (runner.outcome()) {
            case COLLECTED ->
                runner.partial() ? "collected (partial: " + runner.state().describe() + ")" : "collected";
            case MISSING -> "missing: " + runner.reason();
            case CORRUPT -> "results corrupt: " + runner.reason();
        };
    }
}
