package store.traffictacos.capacity.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code status.json} in the run folder: the run's {@link RunStatus}, rewritten at every change, so
 * {@code status --run-id} can say where a run is (or where it stopped) from another process.
 */
public final class RunStatusFile {
    public static final String FILE_NAME = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStatusFile() {
    }

    static void write(Path runDir, RunStatus status) {
        try {
            Files.createDirectories(runDir);
            Path temp = Files.createTempFile(runDir, FILE_NAME, ".tmp");
            JSON.writeValue(temp.toFile(), status);
            Files.move(temp, runDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " into " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException one line, when the run folder has no readable status */
    public static RunStatus read(Path runDir) {
        Path file = runDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no run status at " + file);
        }
        try {
            return JSON.readValue(file.toFile(), RunStatus.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
