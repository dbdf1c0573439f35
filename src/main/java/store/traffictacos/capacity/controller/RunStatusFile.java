package store.traffictacos.capacity.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * {@code status.json} in the run folder: the run's {@link RunStatus}, rewritten at every change, so
 * {@code status --run-id} can say where a run is (or where it stopped) from another process.
 */
public final class RunStatusFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStatusFile() {}

    static void write(Path runDir, RunStatus status) {
        try {
            Path file = new RunFolder(runDir).statusFile();
            Files.createDirectories(runDir);
            Path temp = Files.createTempFile(runDir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temp.toFile(), status);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run status into " + runDir + ": " + e.getMessage(), e);
        }
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
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
