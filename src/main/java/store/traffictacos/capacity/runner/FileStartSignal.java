package store.traffictacos.capacity.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The local backend's start signal: the controller writes the common start instant (epoch
 * milliseconds) into a file, atomically; every runner on the machine polls it.
 */
public final class FileStartSignal {
    // A local file read is cheap; the poll interval is part of the runners' start skew.
    static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final Path file;

    public FileStartSignal(Path file) {
        this.file = file;
    }

    /** Publishes {@code startAt}: written beside the file and moved over it, so no runner reads half of it. */
    public static void publish(Path file, Instant startAt) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(written, Long.toString(startAt.toEpochMilli()));
        Files.move(
                written,
                file,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The start instant, as soon as it is published.
     *
     * @throws IllegalStateException one line, when none is published within {@code timeout} or it is not a number
     */
    public Instant await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                String text = Files.readString(file).strip();
                try {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(
                            "start signal: '" + text + "' in " + file + " is not epoch milliseconds");
                }
            } catch (NoSuchFileException e) {
                // not published yet
            } catch (IOException e) {
                throw new IllegalStateException("start signal: cannot read " + file + ": " + e.getMessage());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(
                        "start signal: nothing in " + file + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
