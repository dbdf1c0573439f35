package store.traffictacos.capacity.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's status as a value: the stage it is in, every stage entered with when, and the first
 * failure (the stage and a one-line reason). Each change returns a new status; the stage never
 * moves back.
 */
public record RunStatus(String runId, Stage stage, List<Transition> transitions, Failure failure) {

    public record Transition(Stage stage, long epochMs) {}

    public record Failure(Stage stage, String reason) {}

    public RunStatus {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        transitions = List.copyOf(transitions);
    }

    public static RunStatus pending(String runId, long epochMs) {
        return new RunStatus(runId, Stage.PENDING, List.of(new Transition(Stage.PENDING, epochMs)), null);
    }

    /** @throws IllegalStateException if {@code next} is not after the current stage */
    public RunStatus enter(Stage next, long epochMs) {
        if (next.compareTo(stage) <= 0) {
            throw new IllegalStateException(
                    "run " + runId + " cannot go from " + stage.label() + " back to " + next.label());
        }
        List<Transition> moved = new ArrayList<>(transitions);
        moved.add(new Transition(next, epochMs));
        return new RunStatus(runId, next, moved, failure);
    }

    /** Records the first failure; later failures (during the wind-down) do not replace it. */
    public RunStatus fail(String reason) {
        return failure != null ? this : new RunStatus(runId, stage, transitions, new Failure(stage, reason));
    }

    public boolean failed() {
        return failure != null;
    }

    /** Enters DONE, or FAILED when a stage failed. */
    public RunStatus finish(long epochMs) {
        return enter(failed() ? Stage.FAILED : Stage.DONE, epochMs);
    }

    /** Whether the run entered {@code stage} at some point. */
    public boolean reached(Stage stage) {
        return transitions.stream().anyMatch(transition -> transition.stage() == stage);
    }
}
