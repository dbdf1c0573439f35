package store.traffictacos.capacity.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a runner's results and under which plan: the run and runner identity, the profile,
 * the wall-clock window, and the requests the profile scheduled for this runner in each second
 * (index = second since {@code startEpochMs}), computed by the caller from its profile.
 *
 * @param stoppedEarly why the runner stopped before its profile's end (e.g. {@code terminated by
 *     SIGTERM at second 31}); its results then end there. Null for a runner that ran its profile (a
 *     blank reason is none).
 *
 * <p>{@code manifest.json} holds these fields under the same names ({@link ResultsFiles}).
 */
public record Manifest(
        String runId,
        int runnerIndex,
        int runnerCount,
        String profile,
        long startEpochMs,
        long endEpochMs,
        String gatlingVersion,
        String targetUrl,
        List<PhaseWindow> phases,
        long[] scheduledPerSecond,
        // manifest.json says null for a runner that ran its profile, read as "" (the mapper refuses nulls).
        @JsonSetter(nulls = Nulls.AS_EMPTY) @Nullable String stoppedEarly) {

    /** The manifest of a runner that ran its whole profile. */
    public Manifest(
            String runId,
            int runnerIndex,
            int runnerCount,
            String profile,
            long startEpochMs,
            long endEpochMs,
            String gatlingVersion,
            String targetUrl,
            List<PhaseWindow> phases,
            long[] scheduledPerSecond) {
        this(
                runId,
                runnerIndex,
                runnerCount,
                profile,
                startEpochMs,
                endEpochMs,
                gatlingVersion,
                targetUrl,
                phases,
                scheduledPerSecond,
                null);
    }

    public Manifest {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be blank");
        }
        if (runnerCount < 1 || runnerIndex < 0 || runnerIndex >= runnerCount) {
            throw new IllegalArgumentException("runner index " + runnerIndex + " is not in 0.." + (runnerCount - 1));
        }
        if (endEpochMs < startEpochMs) {
            throw new IllegalArgumentException("run " + runId + " ends before it starts");
        }
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(gatlingVersion, "gatlingVersion");
        Objects.requireNonNull(targetUrl, "targetUrl");
        phases = List.copyOf(phases);
        scheduledPerSecond = scheduledPerSecond.clone();
        if (stoppedEarly != null && stoppedEarly.isBlank()) {
            stoppedEarly = null;
        }
    }

    @Override
    public long[] scheduledPerSecond() {
        return scheduledPerSecond.clone();
    }

    // A record compares arrays by identity; a manifest read back must equal the one written.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Manifest that
                && runId.equals(that.runId)
                && runnerIndex == that.runnerIndex
                && runnerCount == that.runnerCount
                && profile.equals(that.profile)
                && startEpochMs == that.startEpochMs
                && endEpochMs == that.endEpochMs
                && gatlingVersion.equals(that.gatlingVersion)
                && targetUrl.equals(that.targetUrl)
                && phases.equals(that.phases)
                && Arrays.equals(scheduledPerSecond, that.scheduledPerSecond)
                && Objects.equals(stoppedEarly, that.stoppedEarly);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                runId,
                runnerIndex,
                runnerCount,
                profile,
                startEpochMs,
                endEpochMs,
                gatlingVersion,
                targetUrl,
                phases,
                Arrays.hashCode(scheduledPerSecond),
                stoppedEarly);
    }

    @Override
    public String toString() {
        return "Manifest[runId=" + runId + ", runner=" + runnerIndex + "/" + runnerCount
                + ", profile=" + profile + ", start=" + startEpochMs + ", end=" + endEpochMs
                + ", gatling=" + gatlingVersion + ", target=" + targetUrl + ", phases=" + phases
                + ", scheduledPerSecond=" + Arrays.toString(scheduledPerSecond)
                + (stoppedEarly == null ? "" : ", stoppedEarly=" + stoppedEarly) + "]";
    }
}
