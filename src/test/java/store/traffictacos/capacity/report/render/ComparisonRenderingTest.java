package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.Baselines;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.ReportJson;

@DisplayName("Baseline, trend and cost in the renderings")
class ComparisonRenderingTest {
    private static final long HOUR_MS = 3_600_000L;

    @TempDir
    Path dir;

    /**
     * A run whose p99 grew 11 % against a passing baseline, so REGRESSED, with two earlier runs in
     * the trend; made by hand, so the figures the renderings show are known.
     */
    private static CapacityReport regressed() {
        CapacityReport run =
                Baselines.p99Times(Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 400.0), 1.11);
        List<CapacityReport> earlier = List.of(
                Baselines.run("older", SampleReports.START_EPOCH_MS - 2 * HOUR_MS, Verdict.FAIL, 380.0),
                Baselines.run("base", SampleReports.START_EPOCH_MS - HOUR_MS, Verdict.PASS, 400.0));
        return Baselines.againstHistory(run, History.of(null, earlier, 20), Verdict.REGRESSED);
    }

    @Test
    @DisplayName("HTML has the comparison table with the broken p99 cell highlighted")
    void htmlComparison() {
        // When
        String html = HtmlReportWriter.render(regressed());

        // Then
        assertThat(html)
                .contains("<h2>Compared with baseline base</h2>")
                .contains("<td class=\"fail\">180.4 ms → 200.2 ms (+19.8 ms, +11 %)</td>")
                .contains("Regression: peak p99 +11 % (limit +10 %)");
    }

    @Test
    @DisplayName("HTML embeds the trend chart when the trend has 2 runs or more")
    void htmlTrendChart() {
        // When
        String html = HtmlReportWriter.render(regressed());

        // Then
        assertThat(html).contains("<h2>Trend</h2>").contains("alt=\"Capacity knee and peak p99 of the last 3 runs\"");
    }

    @Test
    @DisplayName("HTML skips the trend chart, saying why, with a single run")
    void htmlTrendSkipped() {
        // Given a history without earlier runs
        CapacityReport report =
                Baselines.againstHistory(SampleReports.failingAtPeak(), History.of(null, List.of(), 20), Verdict.FAIL);

        // When
        String html = HtmlReportWriter.render(report);

        // Then
        assertThat(html).contains("a trend needs at least 2 runs").doesNotContain("Capacity knee and peak p99");
    }

    @Test
    @DisplayName("HTML and Markdown say the cost is n/a and why")
    void costNotAvailable() {
        // Given
        CapacityReport report = SampleReports.failingAtPeak();
        String line = "Cost: n/a (no node series: platform metrics not collected)";

        // When / Then
        assertThat(HtmlReportWriter.render(report)).contains("<p>" + line + "</p>");
        assertThat(MarkdownReportWriter.render(report)).contains(line);
    }

    @Test
    @DisplayName("Markdown has a comparison section listing the broken rules, broken figures in bold")
    void markdownComparison() {
        // When
        String md = MarkdownReportWriter.render(regressed());

        // Then
        assertThat(md)
                .startsWith("### Capacity run `now`: **REGRESSED**")
                .contains("#### Compared with baseline base: 4 of 9 regression checks broken")
                .contains("- **REGRESSED**: peak p99 +11 % (limit +10 %)")
                .contains("| peak | 41.2 ms → 41.2 ms (±0 ms, ±0 %) |");
    }

    @Test
    @DisplayName("JUnit has a regression test case per check, failing where the rule broke")
    void junitRegressionSuite() {
        // When
        String xml = JunitReportWriter.render(regressed());

        // Then
        assertThat(xml)
                .contains("<testsuite name=\"regression\" tests=\"9\" failures=\"4\"")
                .contains("<testcase classname=\"now.regression\" name=\"p99IncreasePercent peak\">")
                .contains("message=\"peak p99 +11 % (limit +10 %) against baseline base\"")
                .contains("<testcase classname=\"now.regression\" name=\"kneeDecreasePercent knee\"></testcase>");
    }

    @Test
    @DisplayName("the trend chart has one knee and one p99 point per run")
    void trendChartPoints() {
        // When
        XYPlot plot = Charts.trendChart(regressed()).getXYPlot();

        // Then
        assertThat(plot.getDataset(0).getItemCount(0)).isEqualTo(3);
        assertThat(plot.getDataset(0).getYValue(0, 0)).isEqualTo(380.0);
        assertThat(plot.getDataset(1).getItemCount(0)).isEqualTo(3);
        assertThat(plot.getDataset(1).getYValue(0, 2))
                .isCloseTo(180.4 * 1.11, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    @DisplayName("a run without a knee leaves a gap in the knee line only")
    void trendChartGap() {
        // Given
        CapacityReport run = Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.FAIL, null);
        CapacityReport report = Baselines.againstHistory(
                run,
                History.of(
                        null,
                        List.of(Baselines.run("base", SampleReports.START_EPOCH_MS - HOUR_MS, Verdict.PASS, 400.0)),
                        20),
                Verdict.FAIL);

        // When
        XYPlot plot = Charts.trendChart(report).getXYPlot();

        // Then
        assertThat(plot.getDataset(0).getItemCount(0)).isEqualTo(1);
        assertThat(plot.getDataset(1).getItemCount(0)).isEqualTo(2);
    }

    @Test
    @DisplayName("report.json keeps comparison, cost and trend through the round trip")
    void jsonRoundTrip() throws IOException {
        // Given
        CapacityReport report = regressed();
        Path file = Files.writeString(dir.resolve("report.json"), JsonReportWriter.render(report));

        // When / Then
        assertThat(ReportJson.read(file)).isEqualTo(report);
    }

    @Test
    @DisplayName("a report.json written before comparison, cost and trend reads with none of them")
    void olderJsonReads() throws IOException {
        // Given the sample without the three fields
        String json = JsonReportWriter.render(SampleReports.failingAtPeak())
                .replaceAll("(?s),\\s*\"comparison\".*\"trend\" : \\[ \\]", "");
        Path file = Files.writeString(dir.resolve("report.json"), json);

        // When
        CapacityReport read = ReportJson.read(file);

        // Then
        assertThat(json).doesNotContain("\"cost\"");
        assertThat(read.comparison()).isNull();
        assertThat(read.cost()).isNull();
        assertThat(read.trend()).isEmpty();
    }
}
