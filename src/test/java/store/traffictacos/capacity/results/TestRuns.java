package store.traffictacos.capacity.results;

import java.util.List;
import java.util.Map;

/** Manifests and results for tests. */
final class TestRuns {
    static final long START = 1_700_000_000_123L;

    private TestRuns() {}

    static Manifest manifest(String runId, int runnerIndex, int runnerCount, long startEpochMs, long... scheduled) {
        return new Manifest(
                runId,
                runnerIndex,
                runnerCount,
                "step-load",
                startEpochMs,
                startEpochMs + 60_000,
                "3.15.0",
                "http://localhost:8080",
                List.of(
                        new PhaseWindow("warm-up", startEpochMs, startEpochMs + 10_000, 10, 100, false),
                        new PhaseWindow("plateau", startEpochMs + 10_000, startEpochMs + 60_000, 100, 100)),
                scheduled);
    }

    static Manifest manifest(int runnerIndex, int runnerCount, long... scheduled) {
        return manifest("run-1", runnerIndex, runnerCount, START, scheduled);
    }

    static RunnerResults results(Manifest manifest, long... sent) {
        return new RunnerResults(manifest, new Snapshot(manifest.startEpochMs(), Map.of(), sent, new double[0]));
    }
}
