package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.TrendPoint;
import store.traffictacos.capacity.report.render.JsonReportWriter;
import store.traffictacos.capacity.report.render.ReportFiles;

@DisplayName("History")
class HistoryTest {
    private static final long HOUR_MS = 3_600_000L;
    private static final long NOW = SampleReports.START_EPOCH_MS;

    @TempDir
    Path dir;

    private static CapacityReport run(String id, long hoursFromNow, Verdict verdict) {
        return Baselines.run(id, NOW + hoursFromNow * HOUR_MS, verdict, 400.0);
    }

    @Test
    @DisplayName("the baseline is the latest earlier PASS run, not a later run, a FAIL or the run itself")
    void lastEarlierPass() {
        // Given
        CapacityReport current = run("now", 0, Verdict.PASS);
        List<CapacityReport> earlier = List.of(
                run("old-pass", -3, Verdict.PASS),
                run("recent-fail", -1, Verdict.FAIL),
                run("last-pass", -2, Verdict.PASS),
                current,
                run("later-pass", 1, Verdict.PASS));

        // When
        CapacityReport baseline =
                baselineFor(History.of(null, earlier, 20), current).orElseThrow();

        // Then
        assertThat(baseline.runId()).isEqualTo("last-pass");
    }

    @Test
    @DisplayName("an explicit baseline wins over the history")
    void explicitBaselineWins() {
        // Given
        CapacityReport explicit = run("chosen", -5, Verdict.FAIL);
        History history = History.of(explicit, List.of(run("last-pass", -1, Verdict.PASS)), 20);

        // When / Then
        assertThat(baselineFor(history, run("now", 0, Verdict.PASS))).contains(explicit);
    }

    @Test
    @DisplayName("without any earlier PASS run there is no baseline")
    void noPassNoBaseline() {
        // Given
        History history = History.of(null, List.of(run("failed", -1, Verdict.FAIL)), 20);

        // When / Then
        assertThat(baselineFor(history, run("now", 0, Verdict.PASS))).isEmpty();
    }

    @Test
    @DisplayName("the trend is the last N earlier runs by start time, then the run")
    void trendLastN() {
        // Given four earlier runs, out of order, and a trend of 2
        List<CapacityReport> earlier = List.of(
                run("r3", -2, Verdict.PASS),
                run("r1", -4, Verdict.PASS),
                run("r4", -1, Verdict.FAIL),
                run("r2", -3, Verdict.PASS));

        // When
        List<TrendPoint> trend = trend(History.of(null, earlier, 2), run("now", 0, Verdict.PASS));

        // Then
        assertThat(trend).extracting(TrendPoint::runId).containsExactly("r3", "r4", "now");
    }

    @Test
    @DisplayName("a trend point holds the knee and the p99 of the phase named peak")
    void trendPointOfPeak() {
        // When
        TrendPoint point = trend(History.of(null, List.of(), 20), run("now", 0, Verdict.PASS))
                .get(0);

        // Then the sample's peak p99 is 180.4 ms
        assertThat(point).isEqualTo(new TrendPoint("now", NOW, 400.0, "peak", 180.4));
    }

    @Test
    @DisplayName("without a phase named peak the trend follows the phase with the highest offered rate")
    void trendPointOfHighestRate() {
        // Given the sample with "peak" (700 req/s offered) renamed
        CapacityReport report = Baselines.withPhases(
                SampleReports.failingAtPeak(), phase -> phase.name().equals("peak") ? rename(phase, "top") : phase);

        // When
        TrendPoint point = trend(History.of(null, List.of(), 20), report).get(0);

        // Then
        assertThat(point.phase()).isEqualTo("top");
        assertThat(point.p99Ms()).isEqualTo(180.4);
    }

    @Test
    @DisplayName("without a history folder there is no trend")
    void noTrendWithoutHistory() {
        // When / Then
        assertThat(trend(History.none(), run("now", 0, Verdict.PASS))).isEmpty();
    }

    @Test
    @DisplayName("a history folder gives its *.json files and its <run>/report.json files")
    void readFolder() throws IOException {
        // Given
        Files.writeString(dir.resolve("a.json"), JsonReportWriter.render(run("a", -2, Verdict.PASS)));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(
                dir.resolve("b").resolve(ReportFiles.JSON_FILE), JsonReportWriter.render(run("b", -1, Verdict.PASS)));
        Files.writeString(dir.resolve("notes.txt"), "not a report");

        // When
        List<CapacityReport> reports = History.readFolder(dir);

        // Then
        assertThat(reports).extracting(CapacityReport::runId).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    @DisplayName("a history file that is not a report is one line naming it")
    void brokenHistoryFile() throws IOException {
        // Given
        Path broken = Files.writeString(dir.resolve("broken.json"), "{not json");

        // When / Then
        assertThatThrownBy(() -> History.readFolder(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read history report " + broken + ": not a report (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @DisplayName("a missing history folder is one line naming it")
    void missingFolder() {
        // When / Then
        assertThatThrownBy(() -> History.readFolder(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no history folder at " + dir.resolve("nope"));
    }

    @Test
    @DisplayName("a trend of fewer than 1 run is refused")
    void trendRunsAtLeastOne() {
        // When / Then
        assertThatThrownBy(() -> History.of(null, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--trend-runs must be at least 1, got 0");
    }

    private static Optional<CapacityReport> baselineFor(History history, CapacityReport run) {
        return history.baselineFor(run.runId(), run.startEpochMs());
    }

    private static List<TrendPoint> trend(History history, CapacityReport run) {
        return history.trend(run.runId(), run.startEpochMs(), run.knee(), run.phases());
    }

    private static CapacityReport.PhaseReport rename(CapacityReport.PhaseReport phase, String name) {
        return new CapacityReport.PhaseReport(
                name,
                phase.startSecond(),
                phase.endSecond(),
                phase.settleSeconds(),
                phase.offeredRps(),
                phase.sentRps(),
                phase.achievedRps(),
                phase.requests(),
                phase.p50Ms(),
                phase.p95Ms(),
                phase.p99Ms(),
                phase.maxMs(),
                phase.errorRate(),
                phase.errorsByKind(),
                phase.slos(),
                phase.pass(),
                phase.generatorLimited(),
                phase.resources());
    }
}
