package store.traffictacos.capacity.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.results.TestRuns.START;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ResultsFiles")
class ResultsFilesTest {
    private static final String AWKWARD_ENDPOINT = "POST /api/v1/reservations/{id}?a=1&b=%20, \"x\";\tétape\n✓";

    @TempDir
    Path dir;

    private final ResultsRecorder recorder = new ResultsRecorder(START);

    @Test
    @DisplayName("write then read gives back the same manifest, series and sent counts")
    void roundTrip() throws IOException {
        // Given
        recordSomeTraffic();
        Manifest manifest = TestRuns.manifest(1, 4, 5, 7, 9);
        Snapshot snapshot = recorder.snapshot();

        // When
        ResultsFiles.write(dir, manifest, snapshot);
        RunnerResults read = ResultsFiles.read(dir);

        // Then
        assertThat(read.manifest()).isEqualTo(manifest);
        assertThat(read.series()).isEqualTo(snapshot.series());
        assertThat(read.sentPerSecond()).containsExactly(snapshot.sentPerSecond());
    }

    @Test
    @DisplayName("a manifest written before phases could be left unjudged reads every phase as judged")
    void phasesWithoutJudgedAreJudged() throws IOException {
        // Given a manifest whose phases, one of them not judged, lose their judged field as older files lack it
        recordSomeTraffic();
        ResultsFiles.write(dir, TestRuns.manifest(0, 1, 1, 1, 1), recorder.snapshot());
        Path file = dir.resolve(ResultsFiles.MANIFEST_FILE);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(file.toFile());
        assertThat(manifest.path("phases").get(0).path("judged").asBoolean(true))
                .isFalse();
        manifest.path("phases").forEach(phase -> ((ObjectNode) phase).remove("judged"));
        json.writeValue(file.toFile(), manifest);

        // When
        List<PhaseWindow> phases = ResultsFiles.read(dir).manifest().phases();

        // Then
        assertThat(phases).extracting(PhaseWindow::judged).containsExactly(true, true);
    }

    @Test
    @DisplayName("the runner's CPU readings survive the round trip; seconds without one read as NaN")
    void runnerCpuRoundTrip() throws IOException {
        // Given readings in seconds 0 and 2 only, two in second 2
        recordSomeTraffic();
        recorder.runnerCpu(START + 100, 0.25);
        recorder.runnerCpu(START + 2_100, 0.5);
        recorder.runnerCpu(START + 2_900, 0.75);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1, 1, 1, 1), recorder.snapshot());
        double[] cpu = ResultsFiles.read(dir).cpuPerSecond();

        // Then a second's readings are averaged
        assertThat(cpu[0]).isEqualTo(0.25);
        assertThat(cpu[1]).isNaN();
        assertThat(cpu[2]).isEqualTo(0.625);
    }

    @Test
    @DisplayName("endpoint and outcome names with spaces, commas, quotes, line breaks and non-ASCII survive")
    void awkwardNamesSurvive() throws IOException {
        // Given
        recorder.record(START, AWKWARD_ENDPOINT, "http_500, again", 1_234);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1), recorder.snapshot());

        // Then
        assertThat(ResultsFiles.read(dir).series())
                .containsOnlyKeys(new SeriesKey(0, AWKWARD_ENDPOINT, "http_500, again"));
    }

    @Test
    @DisplayName("results.hlog is a standard HdrHistogram log: one tagged 1 s interval per series, in µs")
    void standardHistogramLog() throws IOException {
        // Given
        recorder.record(START + 2_100, "POST /r", "ok", 42_000);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1), recorder.snapshot());

        // Then
        List<EncodableHistogram> intervals = new ArrayList<>();
        try (HistogramLogReader log =
                new HistogramLogReader(dir.resolve(ResultsFiles.LOG_FILE).toFile())) {
            for (EncodableHistogram h = log.nextIntervalHistogram(); h != null; h = log.nextIntervalHistogram()) {
                intervals.add(h);
            }
            assertThat(log.getStartTimeSec()).isEqualTo(START / 1000.0);
        }
        assertThat(intervals).singleElement().satisfies(interval -> {
            assertThat(interval.getTag()).isEqualTo("endpoint=POST%20/r;outcome=ok");
            assertThat(interval.getEndTimeStamp() - interval.getStartTimeStamp())
                    .isEqualTo(1_000);
            assertThat(Math.round((interval.getStartTimeStamp() - START) / 1000.0))
                    .isEqualTo(2);
            assertThat(interval.getMaxValueAsDouble()).isBetween(42_000.0, 42_100.0);
        });
    }

    @Test
    @DisplayName("manifest.json lists every second with its scheduled and sent counts, and the totals")
    void manifestJson() throws IOException {
        // Given
        recorder.sent(START);
        recorder.sent(START + 2_000);
        recorder.record(START, "GET /a", "ok", 10);
        recorder.record(START, "GET /a", "timeout", 10);

        // When
        ResultsFiles.write(dir, TestRuns.manifest(0, 1, 3, 3), recorder.snapshot());

        // Then
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve(ResultsFiles.MANIFEST_FILE).toFile());
        assertThat(json.path("format").asText()).isEqualTo("tacos-results/1");
        assertThat(json.path("seconds").toString())
                .isEqualTo("[{\"second\":0,\"scheduled\":3,\"sent\":1},"
                        + "{\"second\":1,\"scheduled\":3,\"sent\":0},"
                        + "{\"second\":2,\"scheduled\":0,\"sent\":1}]");
        assertThat(json.path("totals").toString())
                .isEqualTo("{\"requests\":2,\"byEndpoint\":{\"GET /a\":2},\"byOutcome\":{\"ok\":1,\"timeout\":1}}");
    }

    @Test
    @DisplayName("a truncated results.hlog is refused because it no longer matches the manifest's totals")
    void truncatedLogRefused() throws IOException {
        // Given
        recordSomeTraffic();
        ResultsFiles.write(dir, TestRuns.manifest(0, 1), recorder.snapshot());
        Path log = dir.resolve(ResultsFiles.LOG_FILE);
        List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, lines.size() - 1));

        // When / Then
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cut short, or files of different runs");
    }

    @Test
    @DisplayName("a manifest of another format version is refused")
    void otherFormatRefused() throws IOException {
        // Given
        writeWithManifestEdited("tacos-results/1", "tacos-results/2");

        // When / Then
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format 'tacos-results/2' is not tacos-results/1");
    }

    @Test
    @DisplayName("a manifest whose values break its rules is refused in one line naming the folder")
    void invalidManifestRefused() throws IOException {
        // Given
        writeWithManifestEdited("\"runnerIndex\" : 0", "\"runnerIndex\" : 5");

        // When / Then
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("manifest.json: runner index 5 is not in 0..0");
    }

    /** Writes this runner's results, then replaces {@code from} by {@code to} in its manifest.json. */
    private void writeWithManifestEdited(String from, String to) throws IOException {
        ResultsFiles.write(dir, TestRuns.manifest(0, 1), recorder.snapshot());
        Path manifest = dir.resolve(ResultsFiles.MANIFEST_FILE);
        Files.writeString(manifest, Files.readString(manifest).replace(from, to));
    }

    private void recordSomeTraffic() {
        for (int i = 0; i < 3_000; i++) {
            long sentAt = START + i;
            recorder.sent(sentAt);
            recorder.record(
                    sentAt, i % 2 == 0 ? "GET /a" : AWKWARD_ENDPOINT, i % 7 == 0 ? "http_500" : "ok", 100 + i * 37L);
        }
    }
}
