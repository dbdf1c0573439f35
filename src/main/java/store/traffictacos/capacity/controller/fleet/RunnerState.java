package store.traffictacos.capacity.controller.fleet;

/**
 * One runner as Kubernetes sees it.
 *
 * @param podName its pod, or null when it has none
 * @param reason  why it is in this phase, when Kubernetes says: the scheduler's message for a pending
 *                runner, {@code OOMKilled (exit code 137)} for a failed one; null when nothing to add
 */
public record RunnerState(int index, Phase phase, String podName, String reason) {

    public enum Phase {
        /** Waiting for a node, an image or its volume. */
        PENDING,
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** No pod: not created yet, or already deleted. */
        MISSING
    }

    /** "runner 2 (Unschedulable: 0/5 nodes are available...)", or "runner 2" with nothing to add. */
    public String describe() {
        return "runner " + index + (reason == null ? "" : " (" + reason + ")");
    }
}
