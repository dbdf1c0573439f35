package store.traffictacos.capacity.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * {@code status.json} in the run folder: the run's {@link RunStatus}, rewritten at every change, so
 * {@code status --run-id} can say where a run is (or where it stopped) from another process.
 */
public final class RunStatusFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStatusFile() {}

    /** Writes the status, its failure's reason without the password of any URL in it ({@link Uris#redact}). */
    static void write(Path runDir, RunStatus status) {
        try {
            Path file = new RunFolder(runDir).statusFile();
            Files.createDirectories(runDir);
            Path temp = Files.createTempFile(runDir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temp.toFile(), redacted(status));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run status into " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the status of a run refused before it created anything, and the run folder when nothing else
     * is in it.
     */
    static void remove(Path runDir) {
        try {
            Files.deleteIfExists(new RunFolder(runDir).statusFile());
            try (Stream<Path> left = Files.list(runDir)) {
                if (left.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the run folder " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static RunStatus redacted(RunStatus status) {
        if (!status.failed()) {
            return status;
        }
        RunStatus.Failure failure = status.failure();
        return new RunStatus(
                status.runId(),
                status.stage(),
                status.transitions(),
                new RunStatus.Failure(failure.stage(), Uris.redact(failure.reason())));
    }

    /** @throws IllegalArgumentException one line, when the run folder has no readable status */
    public static RunStatus read(Path runDir) {
        Path file = new RunFolder(runDir).statusFile();
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no run status at " + file);
        }
        try {
            return JSON.readValue(file.toFile(), RunStatus.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the run status " + file + ": " + jsonReason(e));
        }
    }

    /** What is wrong with a damaged status file, in a line: not JSON, or not a run status. */
    private static String jsonReason(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "not JSON (damaged or cut short)";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return "not a run status ("
                    + json.getOriginalMessage().lines().findFirst().orElse("") + ")";
        }
        return e.getMessage();
    }
}
