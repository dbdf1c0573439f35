package store.traffictacos.capacity.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.render.JsonReportWriter;
import store.traffictacos.capacity.report.settings.SloSet;

@DisplayName("ReportJson")
class ReportJsonTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a written report.json reads back equal to the report, doubles bit for bit")
    void roundTrip() throws IOException {
        // Given
        CapacityReport report = SampleReports.failingAtPeak();
        Path file = dir.resolve("report.json");
        Files.writeString(file, JsonReportWriter.render(report));

        // When
        CapacityReport read = ReportJson.read(file);

        // Then
        assertThat(read).isEqualTo(report);
    }

    @Test
    @DisplayName("null knee fields and NaN latencies of a second without responses survive the round trip")
    void nullsAndNaNSurvive() throws IOException {
        // Given
        CapacityReport sample = SampleReports.failingAtPeak();
        CapacityReport.SecondPoint silent =
                new CapacityReport.SecondPoint(60, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, java.util.Map.of());
        CapacityReport report = new CapacityReport(
                sample.format(),
                sample.runId(),
                sample.profile(),
                sample.runners(),
                sample.startEpochMs(),
                sample.endEpochMs(),
                sample.verdict(),
                new Knee(null, null, null, null, null),
                sample.phases(),
                sample.endpoints(),
                List.of(silent),
                sample.generatorWarnings(),
                sample.slos(),
                sample.comparison(),
                sample.cost(),
                sample.trend(),
                sample.platform(),
                sample.platformUnavailable());
        Path file = dir.resolve("report.json");
        Files.writeString(file, JsonReportWriter.render(report));

        // When
        CapacityReport read = ReportJson.read(file);

        // Then
        assertThat(read).isEqualTo(report);
    }

    @Test
    @DisplayName("a report.json written before knee reasons, outcomes, bounds and unjudged phases reads as it meant")
    void olderFileReads() throws IOException {
        // Given a baseline written by the earlier report (as in the golden test's history)
        Path older = Path.of("src/test/resources/golden/input/history/hist-1.json");
        assertThat(Files.readString(older)).doesNotContain("\"outcome\"", "\"judged\"", "\"settledRise\"");

        // When
        CapacityReport report = ReportJson.read(older);

        // Then
        assertThat(report.knee().reason()).isEqualTo(CapacityReport.KneeReason.FOUND);
        assertThat(report.knee().rps()).isEqualTo(85.4);
        assertThat(report.phases()).allMatch(PhaseReport::judged);
        assertThat(report.phases())
                .extracting(PhaseReport::outcome)
                .containsExactly(PhaseOutcome.PASS, PhaseOutcome.PASS, PhaseOutcome.FAIL, PhaseOutcome.FAIL);
        assertThat(report.phases().get(2).slos())
                .allSatisfy(slo -> assertThat(slo.outcome()).isEqualTo(slo.pass() ? SloOutcome.PASS : SloOutcome.FAIL));
        assertThat(report.slos().settledRise()).isEqualTo(SloSet.DEFAULT_SETTLED_RISE);
    }

    @Test
    @DisplayName("a knee's reason, a phase's outcome and settling and an SLO's bounds survive the round trip")
    void newFieldsSurvive() throws IOException {
        // Given
        CapacityReport sample = SampleReports.withWarmUpNotJudged();
        Path file = dir.resolve("report.json");
        Files.writeString(file, JsonReportWriter.render(sample));

        // When
        CapacityReport read = ReportJson.read(file);

        // Then
        assertThat(read).isEqualTo(sample);
        assertThat(read.phases().get(0).outcome()).isEqualTo(PhaseOutcome.NOT_JUDGED);
    }

    @Test
    @DisplayName("a file of another format version is refused, naming both versions")
    void otherFormatRefused() throws IOException {
        // Given
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"format\": \"tacos-report/2\", \"renamedField\": 1}");

        // When / Then
        assertThatThrownBy(() -> ReportJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'tacos-report/2'")
                .hasMessageContaining("'tacos-report/1'");
    }
}
