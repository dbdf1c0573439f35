package store.traffictacos.capacity.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.results.TestRuns.START;
import static store.traffictacos.capacity.results.TestRuns.manifest;
import static store.traffictacos.capacity.results.TestRuns.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("MergedResults")
class MergedResultsTest {
    private static final int RUNNERS = 4;
    private static final int SAMPLES = 200_000;
    private static final int SECONDS = 30;
    private static final String[] ENDPOINTS = {"GET /api/v1/queue/status", "POST /api/v1/reservations", "POST /pay, now"
    };

    @TempDir
    Path dir;

    @Test
    @DisplayName("merging 4 runners' files gives exactly the histogram of all samples recorded in one")
    void mergeIsExact() throws IOException {
        // Given 200k lognormal and uniform samples spread at random over 4 runners, and one histogram of all
        Histogram expected = new Histogram(3);
        List<RunnerResults> runners =
                writeAndReadRunners((second, endpoint, outcome, latency) -> expected.recordValue(latency));

        // When
        Histogram merged = MergedResults.merge(runners).total();

        // Then
        assertThat(merged.getTotalCount()).isEqualTo(SAMPLES);
        assertThat(merged.getMaxValue()).isEqualTo(expected.getMaxValue());
        for (double percentile : new double[] {50, 95, 99, 99.9}) {
            assertThat(merged.getValueAtPercentile(percentile))
                    .as("p%s", percentile)
                    .isEqualTo(expected.getValueAtPercentile(percentile));
        }
        assertThat(merged).isEqualTo(expected);
    }

    @Test
    @DisplayName("a window over seconds, endpoint and outcome is exactly the histogram of those samples")
    void windowIsExact() throws IOException {
        // Given the samples sent in seconds [10, 20) to the reservation endpoint that were answered ok
        Histogram expected = new Histogram(3);
        List<RunnerResults> runners = writeAndReadRunners((second, endpoint, outcome, latency) -> {
            if (second >= 10 && second < 20 && endpoint.equals(ENDPOINTS[1]) && outcome.equals("ok")) {
                expected.recordValue(latency);
            }
        });

        // When
        Histogram window = MergedResults.merge(runners).window(10, 20, ENDPOINTS[1]::equals, "ok"::equals);

        // Then
        assertThat(window.getTotalCount()).isPositive();
        assertThat(window).isEqualTo(expected);
    }

    @Test
    @DisplayName("outcome counts, endpoints and outcomes cover every runner")
    void countsAndNames() throws IOException {
        // Given
        Map<String, Long> expected = new TreeMap<>();
        List<RunnerResults> runners =
                writeAndReadRunners((second, endpoint, outcome, latency) -> expected.merge(outcome, 1L, Long::sum));

        // When
        MergedResults merged = MergedResults.merge(runners);

        // Then
        assertThat(merged.countByOutcome()).isEqualTo(expected);
        assertThat(merged.outcomes()).containsExactly("http_500", "ok", "timeout");
        assertThat(merged.endpoints()).containsExactly(ENDPOINTS[0], ENDPOINTS[1], ENDPOINTS[2]);
    }

    @Test
    @DisplayName("sent and scheduled counts are summed per second over the runners")
    void sentAndScheduledSummed() {
        // Given
        RunnerResults first = results(manifest(0, 2, 10, 10, 10), 9, 10, 11);
        RunnerResults second = results(manifest(1, 2, 5, 5), 5, 4, 0, 1);

        // When
        MergedResults merged = MergedResults.merge(List.of(first, second));

        // Then
        assertThat(merged.scheduledPerSecond()).containsExactly(15, 15, 10);
        assertThat(merged.sentPerSecond()).containsExactly(14, 14, 11, 1);
    }

    @Test
    @DisplayName("a runner that started later is shifted by the nearest whole number of seconds")
    void laterStartShifted() {
        // Given runner 1 started 2.4 s after runner 0
        RunnerResults early = new RunnerResults(
                manifest("run-1", 0, 2, START, 1, 1, 1),
                new Snapshot(
                        START,
                        Map.of(new SeriesKey(2, "GET /a", "ok"), countsOf(100)),
                        new long[] {1, 1, 1},
                        new double[] {0.2, 0.5, Double.NaN}));
        RunnerResults late = new RunnerResults(
                manifest("run-1", 1, 2, START + 2_400, 1),
                new Snapshot(
                        START + 2_400,
                        Map.of(new SeriesKey(0, "GET /a", "ok"), countsOf(300)),
                        new long[] {1},
                        new double[] {0.9}));

        // When
        MergedResults merged = MergedResults.merge(List.of(late, early));

        // Then
        assertThat(merged.startEpochMs()).isEqualTo(START);
        assertThat(merged.series()).containsOnlyKeys(new SeriesKey(2, "GET /a", "ok"));
        assertThat(merged.sentPerSecond()).containsExactly(1, 1, 2);
        assertThat(merged.scheduledPerSecond()).containsExactly(1, 1, 2);
        // And each second keeps its busiest runner's CPU
        assertThat(merged.busiestRunnerCpuPerSecond()).containsExactly(0.2, 0.5, 0.9);
    }

    @Test
    @DisplayName("results of different runs are refused, naming both run ids")
    void mixedRunsRefused() {
        // Given
        RunnerResults one = results(manifest("run-1", 0, 2, START));
        RunnerResults other = results(manifest("run-2", 1, 2, START));

        // When / Then
        assertThatThrownBy(() -> MergedResults.merge(List.of(one, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge different runs: run-1 (runner 0) and run-2 (runner 1)");
    }

    @Test
    @DisplayName("the same runner index given twice is refused")
    void duplicateRunnerRefused() {
        // Given
        RunnerResults one = results(manifest(1, 2));
        RunnerResults again = results(manifest(1, 2));

        // When / Then
        assertThatThrownBy(() -> MergedResults.merge(List.of(one, again)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run run-1: runner 1 is given more than once");
    }

    @Test
    @DisplayName("runners disagreeing on the runner count are refused")
    void inconsistentCountRefused() {
        // Given
        RunnerResults ofTwo = results(manifest(0, 2));
        RunnerResults ofThree = results(manifest(1, 3));

        // When / Then
        assertThatThrownBy(() -> MergedResults.merge(List.of(ofTwo, ofThree)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run run-1: runner 0 says 2 runners, runner 1 says 3");
    }

    @Test
    @DisplayName("a missing runner is refused, naming it, since the merge would silently undercount")
    void missingRunnerRefused() {
        // Given
        List<RunnerResults> twoOfThree = List.of(results(manifest(0, 3)), results(manifest(2, 3)));

        // When / Then
        assertThatThrownBy(() -> MergedResults.merge(twoOfThree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run run-1 has 3 runners but results of runner(s) [1] are missing");
    }

    /** Receives each generated sample, for building the expected histogram. */
    private interface SampleSink {
        void accept(long second, String endpoint, String outcome, long latencyMicros);
    }

    /** Records {@link #SAMPLES} seeded samples into 4 runners at random, writes each to disk and reads them back. */
    private List<RunnerResults> writeAndReadRunners(SampleSink sink) throws IOException {
        Random random = new Random(20_240_611);
        List<ResultsRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            recorders.add(new ResultsRecorder(START));
        }
        for (int i = 0; i < SAMPLES; i++) {
            long sentAt = START + random.nextInt(SECONDS * 1_000);
            String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
            double kind = random.nextDouble();
            String outcome = kind < 0.90 ? "ok" : kind < 0.97 ? "http_500" : "timeout";
            long latency = switch (outcome) {
                // ok: lognormal around 20 ms; errors: fast uniform; timeouts: uniform 5-10 s
                case "ok" -> (long) Math.exp(Math.log(20_000) + 0.9 * random.nextGaussian());
                case "http_500" -> 200 + random.nextInt(5_000);
                default -> 5_000_000 + random.nextInt(5_000_000);
            };
            ResultsRecorder runner = recorders.get(random.nextInt(RUNNERS));
            runner.sent(sentAt);
            runner.record(sentAt, endpoint, outcome, latency);
            sink.accept((sentAt - START) / 1_000, endpoint, outcome, latency);
        }
        List<RunnerResults> read = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            Path runnerDir = dir.resolve("runner-" + i);
            ResultsFiles.write(runnerDir, manifest(i, RUNNERS), recorders.get(i).snapshot());
            read.add(ResultsFiles.read(runnerDir));
        }
        return read;
    }

    private static LatencyCounts countsOf(long... latencies) {
        Histogram histogram = new Histogram(3);
        for (long latency : latencies) {
            histogram.recordValue(latency);
        }
        return LatencyCounts.of(histogram);
    }
}
