package store.traffictacos.capacity.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rate-limit-probe.json} in a run folder: what the probe before the load found about the platform's
 * per-client limit (written by the runner that probed), so that the report can state it.
 *
 * @param keying {@code FOLLOWS_HEADER}, {@code IGNORES_HEADER} or {@code UNDETERMINED}
 * @param description the finding in one sentence, with the security note when the limit follows the header
 */
public record RateLimitProbeAnswer(String keying, String description) {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RateLimitProbeAnswer {
        Objects.requireNonNull(keying, "keying");
        Objects.requireNonNull(description, "description");
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), this);
    }

    /** The run's answer; empty when no probe ran (results written before it, or no runner 0). */
    public static Optional<RateLimitProbeAnswer> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), RateLimitProbeAnswer.class));
    }
}
