package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformPoint;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformSeries;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.HtmlReportWriter;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.results.MergedResults;

@DisplayName("Platform series in the report")
class PlatformInReportTest {
    private static final long START = SampleRun.START;

    @TempDir
    static Path runDir;

    private static MergedResults run;

    private final PlatformSeriesFile.Contents sampled = new PlatformSeriesFile.Contents(
            List.of(
                    new PlatformSample("redis", "10.0.0.1:6379/cpu_pct", START + 2_000, 40, "%"),
                    new PlatformSample("redis", "10.0.0.1:6379/cpu_pct", START + 4_500, 85, "%"),
                    new PlatformSample("local", "heap_used", START + 2_000, 1.5e8, "bytes")),
            Map.of("kubernetes", "RBAC forbidden: cannot list pods"));

    @BeforeAll
    static void writeRun() {
        run = SampleRun.failingAtPeak(runDir);
    }

    @Test
    @DisplayName("samples go on the run's clock, grouped by source and series, with their unit")
    void onTheRunsClock() {
        // When
        CapacityReport report = withPlatform(sampled);

        // Then
        assertThat(report.platform())
                .containsExactly(
                        new PlatformSeries("local", "heap_used", "bytes", List.of(new PlatformPoint(2.0, 1.5e8))),
                        new PlatformSeries(
                                "redis",
                                "10.0.0.1:6379/cpu_pct",
                                "%",
                                List.of(new PlatformPoint(2.0, 40), new PlatformPoint(4.5, 85))));
        assertThat(report.platformUnavailable()).containsEntry("kubernetes", "RBAC forbidden: cannot list pods");
    }

    @Test
    @DisplayName("the HTML draws one chart per source and unit and says which sources were unavailable")
    void rendered() {
        // Given
        CapacityReport without = withPlatform(SampleRun.NOT_SAMPLED);
        CapacityReport with = withPlatform(sampled);

        // When
        String html = HtmlReportWriter.render(with);

        // Then two more charts than without platform series, and the reason
        assertThat(count(html, "data:image/png;base64,"))
                .isEqualTo(count(HtmlReportWriter.render(without), "data:image/png;base64,") + 2);
        assertThat(html).contains("<h2>Platform</h2>").contains("RBAC forbidden: cannot list pods");
    }

    @Test
    @DisplayName("a series that is 0 throughout is a line of text naming what it measures, not a chart")
    void flatZeroIsANote() {
        // Given the embedded target's capacity queue, empty all run long, beside Redis CPU
        List<PlatformSample> samples = new java.util.ArrayList<>(sampled.samples());
        for (long ms = 0; ms < 10_000; ms += 2_000) {
            samples.add(new PlatformSample("target", "capacity_queue_depth", START + ms, 0, "requests"));
        }
        CapacityReport with = withPlatform(new PlatformSeriesFile.Contents(samples, Map.of()));

        // When
        String html = HtmlReportWriter.render(with);

        // Then the same two charts as without it, and the note
        assertThat(count(html, "data:image/png;base64,"))
                .isEqualTo(count(HtmlReportWriter.render(withPlatform(SampleRun.NOT_SAMPLED)), "data:image/png;base64,")
                        + 2);
        assertThat(html)
                .contains(
                        "<p class=\"note\">Embedded target: capacity queue depth (requests): 0 throughout the run.</p>")
                .contains("alt=\"Redis: cpu % (%) during the run\"");
    }

    @Test
    @DisplayName("the platform series survive report.json")
    void jsonRoundTrip(@TempDir Path dir) throws Exception {
        // Given
        CapacityReport report = withPlatform(sampled);

        // When
        ReportFiles.writeAll(dir, report);

        // Then
        assertThat(ReportJson.read(dir.resolve(ReportFiles.JSON_FILE))).isEqualTo(report);
    }

    private static CapacityReport withPlatform(PlatformSeriesFile.Contents platform) {
        return SampleRun.report(run, platform, History.none(), ReportSettings.defaults());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
