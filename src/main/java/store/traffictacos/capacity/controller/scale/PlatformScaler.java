package store.traffictacos.capacity.controller.scale;

import java.time.Duration;
import java.util.List;

/**
 * Pre-scales the platform before a capacity run and puts it back afterwards. Every change is
 * recorded where {@link #restore} can find it from a fresh process, so a run whose controller was
 * killed can still be undone with nothing but its run id.
 *
 * <p>Errors are one-line messages meant for the operator.
 */
public interface PlatformScaler {

    /** For runs that scale nothing: every call does nothing and {@link #restore} finds nothing. */
    PlatformScaler NONE = new PlatformScaler() {
        @Override
        public void check(List<ScaleTarget> targets) {}

        @Override
        public void scale(String runId, List<ScaleTarget> targets) {}

        @Override
        public void awaitReady(List<ScaleTarget> targets, Duration timeout) {}

        @Override
        public List<String> restore(String runId) {
            return List.of();
        }
    };

    /**
     * Fails fast, before any load, when a target is missing, may not be patched, is left over from
     * a run that was never restored, or should be scaled another way. Changes nothing.
     *
     * @throws IllegalArgumentException naming every problem found
     */
    void check(List<ScaleTarget> targets);

    /**
     * Scales the targets in order, recording each one's original values first. When it fails
     * part-way, the targets already scaled stay recorded: {@link #restore} puts them back.
     *
     * @throws IllegalArgumentException when {@code runId} cannot be recorded
     * @throws IllegalStateException    when a target carries another run's originals, or the API refuses
     */
    void scale(String runId, List<ScaleTarget> targets);

    /**
     * Returns once every target has the replicas it was scaled to ready.
     *
     * @throws ScaleTimeoutException naming what was not ready, with its ready and wanted counts
     */
    void awaitReady(List<ScaleTarget> targets, Duration timeout);

    /**
     * Puts back every object {@code runId} changed and clears its records. Idempotent: once done,
     * another call restores nothing and does not fail.
     *
     * @return one line per object restored
     * @throws IllegalArgumentException when {@code runId} cannot have been recorded
     * @throws IllegalStateException    after trying every object, naming those it could not restore
     */
    List<String> restore(String runId);
}
