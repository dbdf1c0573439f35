package store.traffictacos.capacity.controller.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The runners did not all come up; the message is one line naming which did not and why. */
public final class BarrierException extends RuntimeException {

    public BarrierException(String message) {
        super(message);
    }

    /** "barrier: 2 of 3 runners ready after 10m; pending: runner 2 (Unschedulable: 0/5 nodes are available...)" */
    public static BarrierException timedOut(List<RunnerState> runners, Duration timeout) {
        long ready = runners.stream()
                .filter(runner -> runner.phase() == RunnerState.Phase.RUNNING)
                .count();
        return new BarrierException("barrier: " + ready + " of " + runners.size() + " runners ready after "
                + words(timeout) + "; pending: "
                + runners.stream()
                        .filter(runner -> runner.phase() != RunnerState.Phase.RUNNING)
                        .map(RunnerState::describe)
                        .collect(Collectors.joining(", ")));
    }

    /** "10m", "1m30s", "0.3s": the ISO form without its "PT". */
    private static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
