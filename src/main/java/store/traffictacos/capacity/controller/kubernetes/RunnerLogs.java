package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * The runners' logs, live and captured. A pod's log goes with the pod, and Kubernetes deletes a
 * runner's pod when it is stopped, when the Job fails (one runner failing stops all the others)
 * or when the Job hits its deadline: exactly the runs whose partial results matter. So each
 * running runner's log is followed into a local file until its container exits, and results are
 * still there after the pod is gone.
 */
final class RunnerLogs implements AutoCloseable {

    private record Capture(Path file, LogWatch watch, CompletableFuture<Void> ended) {}

    private final KubernetesClient client;
    private final String namespace;
    private final String runId;
    private final BiConsumer<Integer, String> lines;
    private final Map<Integer, Capture> captures = new ConcurrentHashMap<>();
    private Path dir;

    /** @param lines every line a followed runner prints, with its index (the controller's live progress) */
    RunnerLogs(KubernetesClient client, String namespace, String runId, BiConsumer<Integer, String> lines) {
        this.client = client;
        this.namespace = namespace;
        this.runId = runId;
        this.lines = lines;
    }

    /** Starts following this runner's log, unless it is already followed. Call only once its container has started. */
    synchronized void follow(int index, String podName) {
        if (captures.containsKey(index)) {
            return;
        }
        try {
            Path file = Files.createTempFile(directory(), RunFolder.runnerName(index) + "-", ".log");
            OutputStream out = new LineTap(Files.newOutputStream(file), line -> lines.accept(index, line));
            LogWatch watch = log(podName).watchLog(out);
            CompletableFuture<Void> ended = watch.onClose()
                    .toCompletableFuture()
                    .handle((failure, error) -> {
                        closeQuietly(out);
                        return null;
                    });
            captures.put(index, new Capture(file, watch, ended));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every followed log has ended (its container exited), at most {@code timeout}. */
    void awaitEnded(Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] all =
                captures.values().stream().map(Capture::ended).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // What was captured so far is still read by collect; a runner still printing shows up there.
        }
    }

    /** The captured log of this runner, once its stream has ended. */
    Optional<Path> endedCapture(int index) {
        Capture capture = captures.get(index);
        return capture != null && capture.ended().isDone() ? Optional.of(capture.file()) : Optional.empty();
    }

    /** The pod's whole log as Kubernetes keeps it now. */
    Reader live(String podName) {
        return log(podName).getLogReader();
    }

    /** Stops following and deletes the captured files. */
    @Override
    public synchronized void close() {
        captures.values().forEach(capture -> capture.watch().close());
        captures.clear();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = null;
        }
    }

    private Loggable log(String podName) {
        // We only read logs of containers that have started, so fabric8's wait for readiness would only add delay.
        return client.pods()
                .inNamespace(namespace)
                .withName(podName)
                .inContainer(RunnerJobs.CONTAINER)
                .withReadyWaitTimeout(0);
    }

    private Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("tacos-run-" + runId + "-logs-");
        }
        return dir;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // The capture is read back later; a file that cannot be closed will show up as unreadable there.
        }
    }
}
