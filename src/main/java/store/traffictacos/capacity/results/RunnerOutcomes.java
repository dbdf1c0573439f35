package store.traffictacos.capacity.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code runners.json} beside the runner folders of a distributed run: what the controller collected
 * from each runner, so the report can say why a runner's results are missing.
 *
 * @param runners by index
 */
public record RunnerOutcomes(List<Runner> runners) {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param outcome {@code collected}, {@code missing} or {@code corrupt}
     * @param phase how the runner ended, e.g. {@code succeeded}, {@code failed}
     * @param description one line, e.g. {@code missing: no results written (exit code 1)}
     */
    public record Runner(int index, String outcome, String phase, String description) {}

    public RunnerOutcomes {
        runners = List.copyOf(runners);
    }

    /** A run folder's {@code runners.json}; empty for runs without one (a laptop run). */
    public static Optional<RunnerOutcomes> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunnerOutcomes.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Runner> runner(int index) {
        return runners.stream().filter(runner -> runner.index() == index).findFirst();
    }
}
