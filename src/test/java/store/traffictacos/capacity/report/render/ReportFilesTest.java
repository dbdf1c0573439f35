package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;

@DisplayName("ReportFiles")
class ReportFilesTest {
    @TempDir
    Path dir;

    private final CapacityReport report = SampleReports.failingAtPeak();

    @ParameterizedTest(name = "{0}")
    @MethodSource("knees")
    @DisplayName("the knee line states a rate only for a knee found, and otherwise why there is none")
    void kneeLine(KneeReason reason, Knee knee, String line) {
        // When
        String text = ReportFiles.kneeLine(withKnee(knee));

        // Then
        assertThat(knee.reason()).isEqualTo(reason);
        assertThat(text).isEqualTo(line);
    }

    static Stream<Arguments> knees() {
        return Stream.of(
                knee(
                        new Knee(400.0, "p99 latency", "pod CPU", 35L, 50L, KneeReason.FOUND, 700.0),
                        "Capacity knee: 400 req/s, limited by p99 latency; first resource to give out: pod CPU"),
                knee(
                        new Knee(700.0, null, null, null, null, KneeReason.NONE_FAILED, null),
                        "Capacity knee: no SLO failed up to 700 req/s, yet phase peak failed (p99 latency)"),
                knee(
                        new Knee(null, "error rate", null, 5L, 10L, KneeReason.LOWEST_FAILED, 100.0),
                        "Capacity knee: none, error rate failed already at the lowest rate measured (100 req/s)"),
                knee(
                        new Knee(null, "p99 latency", null, 10L, 20L, KneeReason.NO_PASS_BELOW_FAILURE, 500.0),
                        "Capacity knee: none, p99 latency failed at the lowest rate that could be judged (500 req/s), "
                                + "and no lower rate held settled with enough samples"),
                knee(
                        new Knee(null, null, null, null, null, KneeReason.NOT_SHOWN, null),
                        "Capacity knee: not found, no SLO failed but no rate held settled with enough samples to "
                                + "show it"),
                knee(
                        new Knee(null, null, null, null, null, KneeReason.ALL_GENERATOR_LIMITED, null),
                        "Capacity knee: not measured, the load test itself was the limit in every judged window (see the "
                                + "generator warnings)"),
                knee(
                        new Knee(null, null, null, null, null, KneeReason.NOTHING_JUDGED, null),
                        "Capacity knee: not found, no window was judged"));
    }

    private static Arguments knee(Knee knee, String line) {
        return Arguments.of(knee.reason(), knee, line);
    }

    @Test
    @DisplayName("a knee with no SLO failed names no phase when every judged phase held")
    void kneeLineWithoutFailedPhases() {
        // Given
        CapacityReport sample = SampleReports.failingAtPeak();
        List<PhaseReport> held = sample.phases().stream()
                .filter(phase -> phase.outcome() != PhaseOutcome.FAIL)
                .toList();
        Knee knee = new Knee(700.0, null, null, null, null, KneeReason.NONE_FAILED, null);

        // When
        String text = ReportFiles.kneeLine(withKnee(sample, knee, held));

        // Then
        assertThat(text).isEqualTo("Capacity knee: no SLO failed up to 700 req/s");
    }

    @Test
    @DisplayName("a knee with no SLO failed counts the phases that failed outside it and names the first")
    void kneeLineWithSeveralFailedPhases() {
        // Given the sample's failed phase twice over
        CapacityReport sample = SampleReports.failingAtPeak();
        List<PhaseReport> phases = new java.util.ArrayList<>(sample.phases());
        phases.addAll(sample.phases().stream()
                .filter(phase -> phase.outcome() == PhaseOutcome.FAIL)
                .toList());
        Knee knee = new Knee(700.0, null, null, null, null, KneeReason.NONE_FAILED, null);

        // When
        String text = ReportFiles.kneeLine(withKnee(sample, knee, phases));

        // Then
        assertThat(text)
                .isEqualTo(
                        "Capacity knee: no SLO failed up to 700 req/s, yet 2 phases failed, the first peak (p99 latency)");
    }

    private static CapacityReport withKnee(Knee knee) {
        CapacityReport sample = SampleReports.failingAtPeak();
        return withKnee(sample, knee, sample.phases());
    }

    private static CapacityReport withKnee(CapacityReport sample, Knee knee, List<PhaseReport> phases) {
        return new CapacityReport(
                sample.format(),
                sample.runId(),
                sample.profile(),
                sample.runners(),
                sample.startEpochMs(),
                sample.endEpochMs(),
                sample.verdict(),
                knee,
                phases,
                sample.endpoints(),
                sample.timeline(),
                sample.generatorWarnings(),
                sample.slos(),
                sample.comparison(),
                sample.cost(),
                sample.trend(),
                sample.platform(),
                sample.platformUnavailable());
    }

    @Test
    @DisplayName("writeAll writes the four files into the run directory, creating it, and returns report.html")
    void writesFourFiles() throws IOException {
        // Given
        Path runDir = dir.resolve("reports/ci-1234");

        // When
        Path html = ReportFiles.writeAll(runDir, report);

        // Then
        assertThat(html).isEqualTo(runDir.resolve("report.html"));
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "junit.xml", "summary.md", "report.html");
        }
    }

    @Test
    @DisplayName("each file holds its writer's rendering, UTF-8")
    void contents() throws IOException {
        // When
        ReportFiles.writeAll(dir, report);

        // Then
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(JsonReportWriter.render(report));
        assertThat(Files.readString(dir.resolve("junit.xml"))).isEqualTo(JunitReportWriter.render(report));
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(MarkdownReportWriter.render(report));
        assertThat(Files.readString(dir.resolve("report.html")))
                .startsWith("<!DOCTYPE html>")
                .contains("40–43 s");
    }

    @Test
    @DisplayName("writing again replaces the files and leaves no temporary files behind")
    void replaces() throws IOException {
        // Given
        Files.writeString(dir.resolve("summary.md"), "stale");
        Files.writeString(dir.resolve("unrelated.txt"), "kept");

        // When
        ReportFiles.writeAll(dir, report);

        // Then
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(MarkdownReportWriter.render(report));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "report.json", "junit.xml", "summary.md", "report.html", "unrelated.txt");
        }
    }
}
