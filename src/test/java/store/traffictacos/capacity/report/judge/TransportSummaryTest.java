package store.traffictacos.capacity.report.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.results.RunnerResults;
import store.traffictacos.capacity.results.RunnerTransport;

@DisplayName("The generator's transport in the report")
class TransportSummaryTest {
    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    @DisplayName("adds up the runners' budgets and connections, and takes the busiest second's")
    void addsUpRunners() throws IOException {
        // Given two HTTP/2 runners: runner 0 opens 2 connections in second 0 and 1 in second 1, runner 1 one in
        // second 0; 30 and 50 requests outstanding at most in second 0
        List<RunnerResults> runners = new ArrayList<>();
        runners.add(runner(0, new long[] {10, 10, 1_010}, 30, 4));
        runners.add(runner(1, new long[] {20}, 50, 2));

        // When
        CapacityReport.Transport transport = TransportSummary.of(MergedResults.merge(runners));

        // Then
        assertThat(transport).isEqualTo(new CapacityReport.Transport(List.of("2"), 10_000, 2 * 4_400, 4, 6, 3, 80L, 0));
    }

    @Test
    @DisplayName("is absent when no runner recorded its transport (results written before it was)")
    void absentForOlderResults() throws IOException {
        // Given
        ResultsRecorder recorder = new ResultsRecorder(START);
        recorder.sent(START + 10);
        Path runnerDir = dir.resolve("runner-0");
        ResultsFiles.write(runnerDir, manifest(0, 1), recorder.snapshot());

        // When
        CapacityReport.Transport transport =
                TransportSummary.of(MergedResults.merge(List.of(ResultsFiles.read(runnerDir))));

        // Then
        assertThat(transport).isNull();
    }

    private RunnerResults runner(int index, long[] openedAtMs, long inFlight, long warmUpOpened) throws IOException {
        ResultsRecorder recorder = new ResultsRecorder(START);
        recorder.sent(START + 10);
        for (long at : openedAtMs) {
            recorder.connectionOpened(START + at);
        }
        recorder.inFlight(START + 100, inFlight);
        Path runnerDir = dir.resolve("runner-" + index);
        ResultsFiles.write(
                runnerDir,
                manifest(index, 2),
                recorder.snapshot(),
                new RunnerTransport("2", 10_000, 4_400, "by the timeout", warmUpOpened));
        return ResultsFiles.read(runnerDir);
    }

    private static Manifest manifest(int index, int count) {
        return new Manifest(
                "transport",
                index,
                count,
                "p",
                START,
                START + 2_000,
                "3.15.0",
                "http://127.0.0.1:1",
                List.of(new PhaseWindow("peak", START, START + 2_000, 1, 1)),
                new long[] {1, 1});
    }
}
