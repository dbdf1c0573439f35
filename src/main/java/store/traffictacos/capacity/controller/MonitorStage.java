package store.traffictacos.capacity.controller;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;

/**
 * Watches the runners until all have ended. Stops them all, and fails the run, when it is aborted
 * (Ctrl-C, SIGTERM, an abort rule) or when they run past the profile's end plus the drain time. A
 * runner that fails on its own is said on the console and named in the report; the others go on.
 */
final class MonitorStage implements RunStage {
    static final Duration POLL = Duration.ofMillis(500);

    @Override
    public Stage stage() {
        return Stage.MONITOR;
    }

    @Override
    public void run(RunContext run) throws InterruptedException {
        long deadline = run.startAt
                .plus(run.spec.profile().totalDuration())
                .plus(run.spec.timeouts().drain())
                .toEpochMilli();
        Set<Integer> reportedFailed = new HashSet<>();
        while (true) {
            List<RunnerState> states = run.fleet.states();
            for (RunnerState state : states) {
                if (state.phase() == Phase.FAILED && reportedFailed.add(state.index())) {
                    run.say("runner " + state.index() + " failed: " + state.reason());
                }
            }
            if (states.stream().allMatch(MonitorStage::ended)) {
                return;
            }
            String aborted = run.abort.reason();
            if (aborted != null || run.clock.getAsLong() > deadline) {
                run.say("stopping every runner: " + (aborted != null ? aborted : "past the profile's end"));
                run.fleet.stop();
                throw new IllegalStateException(
                        aborted != null
                                ? "aborted: " + aborted
                                : "monitor: runners still running "
                                        + run.spec.timeouts().drain().toSeconds() + " s after the profile's end");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean ended(RunnerState state) {
        return state.phase() == Phase.SUCCEEDED || state.phase() == Phase.FAILED || state.phase() == Phase.MISSING;
    }
}
