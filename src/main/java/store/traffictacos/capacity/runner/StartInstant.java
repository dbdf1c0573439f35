package store.traffictacos.capacity.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a controlled runner gets the run's common start instant once it is ready: a file (the local
 * backend) or the run's ConfigMap (Kubernetes).
 */
public interface StartInstant {
    /** The line a runner prints once it waits for the start instant, which the backends wait for. */
    String READY = "tacos-runner ready";

    /** @throws IllegalStateException one line, when none comes within {@code timeout} */
    Instant await(Duration timeout) throws InterruptedException;

    /**
     * From its setting: {@code file:<path>} or {@code configmap}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static StartInstant parse(String setting) {
        if (setting.startsWith("file:") && setting.length() > "file:".length()) {
            FileStartSignal file = new FileStartSignal(Path.of(setting.substring("file:".length())));
            return file::await;
        }
        if (setting.equals("configmap")) {
            return StartSignal::awaitInThisPod;
        }
        throw new IllegalArgumentException("start signal must be 'file:<path>' or 'configmap', got '" + setting + "'");
    }
}
