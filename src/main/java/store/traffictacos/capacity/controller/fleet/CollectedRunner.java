package store.traffictacos.capacity.controller.fleet;

import java.nio.file.Path;

/**
 * What became of one runner's results.
 *
 * @param resultsDir where its results were written, or null when they were not
 * @param reason     why not, when not collected; null otherwise
 * @param state      the runner's end state, so partial results can be told apart
 */
public record CollectedRunner(int index, Outcome outcome, Path resultsDir, String reason, RunnerState state) {

    public enum Outcome {
        COLLECTED,
        /** The runner printed no results (it died first) or its log is gone. */
        MISSING,
        /** Its results block was cut off or failed its checksum; nothing was written. */
        CORRUPT
    }

    /** Collected from a runner that did not finish its run: results up to where it stopped. */
    public boolean partial() {
        return outcome == Outcome.COLLECTED && state.phase() != RunnerState.Phase.SUCCEEDED;
    }
}
