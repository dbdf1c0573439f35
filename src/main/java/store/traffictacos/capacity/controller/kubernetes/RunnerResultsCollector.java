package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.fleet.CollectedRunner.Outcome;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;
import store.traffictacos.capacity.runner.ExtractedResults;
import store.traffictacos.capacity.runner.ResultsLog;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * One runner's results out of its log: the captured log first (it outlives the pod), then the
 * pod's log as Kubernetes still keeps it; whatever fails is reported with its reason.
 */
final class RunnerResultsCollector {

    private final RunnerLogs logs;
    private final String namespace;

    RunnerResultsCollector(RunnerLogs logs, String namespace) {
        this.logs = logs;
        this.namespace = namespace;
    }

    CollectedRunner collect(RunnerState runner, Path runDir) {
        Path dir = new RunFolder(runDir).runner(runner.index());
        ExtractedResults fromCapture = logs.endedCapture(runner.index())
                .map(file -> fromCapture(file, dir, runner.index()))
                .orElse(null);
        if (isOk(fromCapture)) {
            return new CollectedRunner(runner.index(), Outcome.COLLECTED, dir, null, runner);
        }
        String liveProblem = null;
        ExtractedResults fromPod = null;
        if (runner.podName() != null && hasStarted(runner)) {
            try (Reader live = logs.live(runner.podName())) {
                fromPod = ResultsLog.extract(live, dir, runner.index());
            } catch (KubernetesClientException e) {
                liveProblem =
                        ApiCallException.of(e, "get", "pods/log", namespace).getMessage();
            } catch (IOException e) {
                liveProblem = "its log could not be read or its results written: " + e;
            }
        }
        if (isOk(fromPod)) {
            return new CollectedRunner(runner.index(), Outcome.COLLECTED, dir, null, runner);
        }
        Optional<ExtractedResults> corrupt = Stream.of(fromPod, fromCapture)
                .filter(found -> found != null && found.status() == ExtractedResults.Status.CORRUPT)
                .findFirst();
        if (corrupt.isPresent()) {
            return new CollectedRunner(
                    runner.index(), Outcome.CORRUPT, null, corrupt.get().problem(), runner);
        }
        return new CollectedRunner(
                runner.index(),
                Outcome.MISSING,
                null,
                missingReason(runner, fromCapture != null || fromPod != null, liveProblem),
                runner);
    }

    private static String missingReason(RunnerState runner, boolean logRead, String liveProblem) {
        if (logRead) {
            return "no results block in its log"
                    + switch (runner.phase()) {
                        case FAILED -> "; it failed: " + runner.reason();
                        case RUNNING -> "; it is still running";
                        default -> "";
                    };
        }
        if (liveProblem != null) {
            return liveProblem;
        }
        return runner.phase() == Phase.PENDING ? "it never started: " + runner.reason() : "no pod and no captured log";
    }

    private static boolean hasStarted(RunnerState runner) {
        return runner.phase() == Phase.RUNNING || runner.phase() == Phase.SUCCEEDED || runner.phase() == Phase.FAILED;
    }

    private static boolean isOk(ExtractedResults found) {
        return found != null && found.status() == ExtractedResults.Status.OK;
    }

    private static ExtractedResults fromCapture(Path file, Path dir, int index) {
        // Not Files.newBufferedReader: it fails on bytes that are not UTF-8, and a log may hold any.
        try (Reader capture = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return ResultsLog.extract(capture, dir, index);
        } catch (IOException e) {
            throw new UncheckedIOException("collecting runner " + index + "'s results into " + dir, e);
        }
    }
}
