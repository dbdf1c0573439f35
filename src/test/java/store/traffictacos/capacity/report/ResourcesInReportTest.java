package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.ResourceResult;
import store.traffictacos.capacity.report.render.HtmlReportWriter;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.results.MergedResults;

/**
 * The sample run's phases ({@link SampleRun}): warmup 0–15 s, steady 15–30 s at 400 req/s, peak
 * 30–50 s (judged 35–50 s, where p99 failed: the knee's window), cooldown 50–60 s; 5 s settle.
 */
@DisplayName("Resource thresholds in the report")
class ResourcesInReportTest {
    private static final long START = SampleRun.START;
    private static final String POD_CPU = "workload/tacos-app/gateway-api/cpu_pct_of_request";
    private static final String ENGINE_CPU = "tacos-redis-0001-001/EngineCPUUtilization";

    @TempDir
    static Path dir;

    private static MergedResults run;

    @BeforeAll
    static void writeRun() {
        run = SampleRun.failingAtPeak(dir);
    }

    @Test
    @DisplayName(
            "each phase judges the highest sample of its judged seconds; a crossing is flagged with its first second")
    void judgedPerPhase() {
        // Given pod CPU at 50 % until second 36, then 93 %
        List<PlatformSample> samples = new ArrayList<>();
        for (int second = 0; second < 60; second += 2) {
            samples.add(sample("kubernetes", POD_CPU, second, second < 36 ? 50 : 93, "%"));
        }

        // When
        CapacityReport report = withPlatform(samples);

        // Then peak warns from second 36; warmup and steady held with their highest value
        assertThat(resource(report, "peak"))
                .isEqualTo(new ResourceResult("pod CPU of request", "kubernetes", POD_CPU, "%", 80, 93, 36.0, true));
        assertThat(resource(report, "steady"))
                .isEqualTo(new ResourceResult("pod CPU of request", "kubernetes", POD_CPU, "%", 80, 50, null, false));
        assertThat(resource(report, "warmup").crossed()).isFalse();
    }

    @Test
    @DisplayName("resources are warnings: a crossed threshold leaves the phase's verdict and the run's verdict alone")
    void warningsOnly() {
        // Given pod CPU above its threshold the whole run
        List<PlatformSample> samples =
                List.of(sample("kubernetes", POD_CPU, 6, 99, "%"), sample("kubernetes", POD_CPU, 20, 99, "%"));

        // When
        CapacityReport without =
                SampleRun.report(run, SampleRun.NOT_SAMPLED, History.none(), ReportSettings.defaults());
        CapacityReport report = withPlatform(samples);

        // Then
        assertThat(report.phases())
                .extracting(PhaseReport::pass)
                .containsExactlyElementsOf(
                        without.phases().stream().map(PhaseReport::pass).toList());
        assertThat(report.verdict()).isEqualTo(without.verdict());
    }

    @Test
    @DisplayName("the knee names the resource over its threshold in the failing window that went over first")
    void kneeResourceIsTheFirstToGiveOut() {
        // Given Redis engine CPU over 80 % from second 25 without a break, pod CPU over from 40,
        // and Redis connections over only briefly at second 5 (back under before the window)
        List<PlatformSample> samples = new ArrayList<>();
        for (int second = 0; second < 60; second += 5) {
            samples.add(sample("cloudwatch", ENGINE_CPU, second, second >= 25 ? 99.8 : 40, "%"));
            samples.add(sample("kubernetes", POD_CPU, second, second >= 40 ? 95 : 60, "%"));
            samples.add(sample(
                    "cloudwatch",
                    "tacos-redis-0001-001/CurrConnections",
                    second,
                    second == 5 ? 6_000 : 900,
                    "connections"));
        }

        // When
        CapacityReport report = withPlatform(samples);

        // Then
        assertThat(report.knee().resource()).isEqualTo("Redis engine CPU (" + ENGINE_CPU + ")");
        assertThat(ReportFiles.kneeLine(report))
                .isEqualTo("Capacity knee: 400 req/s, limited by p99 latency;"
                        + " first resource to give out: Redis engine CPU (" + ENGINE_CPU + ")");
    }

    @Test
    @DisplayName("no resource over its threshold in the failing window leaves the knee's resource empty")
    void noResourceAtTheKnee() {
        // Given pod CPU over its threshold only in the warm-up
        List<PlatformSample> samples = List.of(
                sample("kubernetes", POD_CPU, 6, 99, "%"),
                sample("kubernetes", POD_CPU, 20, 40, "%"),
                sample("kubernetes", POD_CPU, 40, 45, "%"));

        // When
        CapacityReport report = withPlatform(samples);

        // Then
        assertThat(report.knee().resource()).isNull();
    }

    @Test
    @DisplayName(
            "the cost comes from the node series: node-hours by instance type × price, spot flagged as an upper bound")
    void costFromNodeSeries() {
        // Given 2 on-demand c7i.xlarge until second 30, then 4; and 1 spot m7i.xlarge the whole run
        List<PlatformSample> samples = List.of(
                sample("kubernetes", "nodepool/app/c7i.xlarge/on-demand/nodes", 0, 2, "nodes"),
                sample("kubernetes", "nodepool/app/c7i.xlarge/on-demand/nodes", 30, 4, "nodes"),
                sample("kubernetes", "nodepool/loadtest/m7i.xlarge/spot/nodes", 0, 1, "nodes"));

        // When
        CapacityReport report = withPlatform(samples);

        // Then (2×30 + 4×30) s of c7i.xlarge and 60 s of m7i.xlarge, at the default prices
        double expectedUsd = (2 * 30 + 4 * 30) / 3600.0 * 0.2016 + 60 / 3600.0 * 0.2478;
        assertThat(report.cost().runUsd()).isCloseTo(expectedUsd, within(1e-9));
        double usdPerHour = expectedUsd / (60 / 3600.0);
        assertThat(report.cost().perMillionRequestsAtKneeUsd())
                .isCloseTo(usdPerHour / (400 * 3600.0) * 1_000_000, within(1e-9));
        assertThat(report.cost().note()).contains("spot nodes priced on-demand, so an upper bound");
    }

    @Test
    @DisplayName("thresholds from the SLO file replace the defaults")
    void thresholdsFromTheSloFile() {
        // Given a file warning at 50 % pod CPU only
        ReportSettings settings = SloFile.settings("""
                resources:
                  - {name: hot pods, source: kubernetes, series: "workload/*/*/cpu_pct_of_request", above: 50}
                """, "slo.yaml");
        List<PlatformSample> samples =
                List.of(sample("kubernetes", POD_CPU, 40, 60, "%"), sample("cloudwatch", ENGINE_CPU, 40, 99, "%"));

        // When
        CapacityReport report =
                SampleRun.report(run, new PlatformSeriesFile.Contents(samples, Map.of()), History.none(), settings);

        // Then only the file's threshold is judged
        assertThat(phase(report, "peak").resources())
                .extracting(ResourceResult::name, ResourceResult::crossed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hot pods", true));
    }

    @Test
    @DisplayName("the HTML lists every judged threshold and the Markdown summary lists the crossed ones")
    void rendered() {
        // Given
        CapacityReport report = withPlatform(
                List.of(sample("kubernetes", POD_CPU, 40, 93, "%"), sample("kubernetes", POD_CPU, 20, 50, "%")));

        // When
        String html = HtmlReportWriter.render(report);
        String markdown = MarkdownReportWriter.render(report);

        // Then
        assertThat(html)
                .contains("<h2>Platform thresholds</h2>")
                .contains(">WARN<")
                .contains(">ok<");
        // (Markdown-escaped: '>' and '_')
        assertThat(markdown)
                .contains("- peak: pod CPU of request: 93 % &gt; 80 % (" + POD_CPU.replace("_", "\\_")
                        + ") from second 40")
                .doesNotContain("- steady:");
    }

    private static CapacityReport withPlatform(List<PlatformSample> samples) {
        return SampleRun.report(
                run, new PlatformSeriesFile.Contents(samples, Map.of()), History.none(), ReportSettings.defaults());
    }

    private static PlatformSample sample(String source, String series, double second, double value, String unit) {
        return new PlatformSample(source, series, START + Math.round(second * 1000), value, unit);
    }

    private static PhaseReport phase(CapacityReport report, String name) {
        return report.phases().stream()
                .filter(phase -> phase.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static ResourceResult resource(CapacityReport report, String phaseName) {
        return phase(report, phaseName).resources().stream()
                .filter(r -> r.name().equals("pod CPU of request"))
                .findFirst()
                .orElseThrow();
    }
}
