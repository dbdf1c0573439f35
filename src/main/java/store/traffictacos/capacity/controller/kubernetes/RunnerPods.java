package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;

/** Runner states read from the pods of an Indexed Job. Pure functions. */
final class RunnerPods {

    /** Set by the Job controller on every pod of an Indexed Job: as an annotation always, as a label since 1.28. */
    static final String INDEX_KEY = "batch.kubernetes.io/job-completion-index";

    private RunnerPods() {}

    /** One state per index {@code 0..runnerCount-1}. */
    static List<RunnerState> states(List<Pod> pods, int runnerCount) {
        Map<Integer, Pod> byIndex = byIndex(pods);
        List<RunnerState> states = new ArrayList<>(runnerCount);
        for (int index = 0; index < runnerCount; index++) {
            states.add(state(index, byIndex.get(index)));
        }
        return states;
    }

    /** The newest pod of each index (an index has one pod unless a pod was replaced). */
    private static Map<Integer, Pod> byIndex(List<Pod> pods) {
        Map<Integer, Pod> byIndex = new TreeMap<>();
        pods.stream()
                .sorted(Comparator.comparing(
                        (Pod pod) -> String.valueOf(pod.getMetadata().getCreationTimestamp())))
                .forEach(pod -> index(pod).ifPresent(index -> byIndex.put(index, pod)));
        return byIndex;
    }

    private static Optional<Integer> index(Pod pod) {
        String index = pod.getMetadata().getAnnotations().get(INDEX_KEY);
        if (index == null) {
            index = pod.getMetadata().getLabels().get(INDEX_KEY);
        }
        return index != null && index.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(index)) : Optional.empty();
    }

    private static RunnerState state(int index, Pod pod) {
        if (pod == null) {
            return new RunnerState(index, Phase.MISSING, null, "no pod");
        }
        String name = pod.getMetadata().getName();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        switch (phase) {
            case "Running":
                return new RunnerState(index, Phase.RUNNING, name, null);
            case "Succeeded":
                return new RunnerState(index, Phase.SUCCEEDED, name, null);
            case "Failed":
                return new RunnerState(index, Phase.FAILED, name, failure(status));
            default:
                return new RunnerState(index, Phase.PENDING, name, pending(status, phase));
        }
    }

    /** "OOMKilled (exit code 137)", "Error (exit code 1)", or the pod's own reason such as DeadlineExceeded. */
    private static String failure(PodStatus status) {
        Optional<ContainerStateTerminated> terminated = runnerContainer(status)
                .map(container -> container.getState() == null
                        ? null
                        : container.getState().getTerminated());
        if (terminated.isPresent()) {
            return terminated.get().getReason() + " (exit code "
                    + terminated.get().getExitCode() + ")";
        }
        return reasonAndMessage(status.getReason(), status.getMessage()).orElse("failed");
    }

    /** Why the pod is not running yet: the scheduler's message, else the container's waiting reason. */
    private static String pending(PodStatus status, String phase) {
        Optional<String> unscheduled = status.getConditions().stream()
                .filter(condition ->
                        "PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus()))
                .findFirst()
                .flatMap(RunnerPods::reasonAndMessage);
        if (unscheduled.isPresent()) {
            return unscheduled.get();
        }
        return runnerContainer(status)
                .map(container -> container.getState() == null
                        ? null
                        : container.getState().getWaiting())
                .flatMap((ContainerStateWaiting waiting) -> reasonAndMessage(waiting.getReason(), waiting.getMessage()))
                .orElse("Pending".equals(phase) ? "waiting to start" : "phase " + phase);
    }

    private static Optional<ContainerStatus> runnerContainer(PodStatus status) {
        return status.getContainerStatuses().stream()
                .filter(container -> RunnerJobs.CONTAINER.equals(container.getName()))
                .findFirst();
    }

    private static Optional<String> reasonAndMessage(PodCondition condition) {
        return reasonAndMessage(condition.getReason(), condition.getMessage());
    }

    private static Optional<String> reasonAndMessage(String reason, String message) {
        if (reason == null && message == null) {
            return Optional.empty();
        }
        String text = reason == null ? message : message == null ? reason : reason + ": " + message;
        // Scheduler messages may span lines; every report of ours is one line.
        return Optional.of(text.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
