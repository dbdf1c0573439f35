package store.traffictacos.capacity.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The results files: how a runner reached the target and its connections per second")
class RunnerTransportFilesTest {
    private static final RunnerTransport HTTP2 =
            new RunnerTransport("2", 10_000, 33_000, "in-flight bound 33,000: 3,000 req/s × 10 s request timeout", 24);

    @TempDir
    Path dir;

    @Test
    @DisplayName("the transport and the connections opened and in flight per second read back as written")
    void roundTrip() throws IOException {
        // Given
        ResultsRecorder recorder = new ResultsRecorder(TestRuns.START);
        recorder.sent(TestRuns.START + 10);
        recorder.record(TestRuns.START + 10, "status", "ok", 1_000);
        recorder.connectionOpened(TestRuns.START + 20);
        recorder.connectionOpened(TestRuns.START + 1_500);
        recorder.connectionOpened(TestRuns.START + 1_600);
        recorder.inFlight(TestRuns.START + 100, 7);
        recorder.inFlight(TestRuns.START + 900, 12);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1, 1, 0), recorder.snapshot(), HTTP2);
        RunnerResults read = ResultsFiles.read(dir);

        // Then
        assertThat(read.transport()).isEqualTo(HTTP2);
        assertThat(read.connections().openedPerSecond()).containsExactly(1, 2);
        assertThat(read.connections().peakInFlightPerSecond()).containsExactly(12, -1);
        assertThat(read.connections().opened()).isEqualTo(3);
        assertThat(read.connections().peakInFlight()).isEqualTo(12);
    }

    @Test
    @DisplayName("a manifest written without them (older runners) reads as no transport and no connections")
    void olderFilesRead() throws IOException {
        // Given
        ResultsRecorder recorder = new ResultsRecorder(TestRuns.START);
        recorder.sent(TestRuns.START + 10);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1, 1), recorder.snapshot());
        RunnerResults read = ResultsFiles.read(dir);

        // Then
        assertThat(read.transport()).isNull();
        assertThat(read.connections()).isEqualTo(Snapshot.Connections.NONE);
    }

    @Test
    @DisplayName("merged, connections opened add up second by second and each runner's transport is kept")
    void merged() throws IOException {
        // Given two runners that opened connections
        RunnerResults[] runners = new RunnerResults[2];
        for (int index = 0; index < 2; index++) {
            ResultsRecorder recorder = new ResultsRecorder(TestRuns.START);
            recorder.connectionOpened(TestRuns.START + 10);
            recorder.inFlight(TestRuns.START + 10, 100);
            Path runnerDir = dir.resolve("runner-" + index);
            ResultsFiles.write(runnerDir, TestRuns.manifest(index, 2, 1), recorder.snapshot(), HTTP2);
            runners[index] = ResultsFiles.read(runnerDir);
        }

        // When
        MergedResults merged = MergedResults.merge(List.of(runners));

        // Then
        assertThat(merged.connectionsOpenedPerSecond()).containsExactly(2);
        assertThat(merged.connectionsOpened()).isEqualTo(2);
        assertThat(merged.peakInFlightPerSecond()).containsExactly(200);
        assertThat(merged.transports()).containsExactly(HTTP2, HTTP2);
    }
}
