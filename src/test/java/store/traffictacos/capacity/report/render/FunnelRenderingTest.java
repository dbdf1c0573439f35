package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.model.ReportJson;

@DisplayName("The purchase funnel in every report file")
class FunnelRenderingTest {
    /** The peak's journeys: 1,000 set out to purchase, 800 confirmed, 12 still on their way. */
    private static final FunnelReport.Phase PEAK = new FunnelReport.Phase(
            "peak", 2_000, 1_000, 950, 900, 850, 800, 188, 12, 0.95, 0.9, 0.85, 0.8, 1_900, 2.5, 12.5, 31.0);

    private static CapacityReport report() {
        return SampleReports.withFunnel(new FunnelReport(0.5, List.of(PEAK)));
    }

    @Test
    @DisplayName("report.json has the funnel with the plan's purchase share, counts, shares and time to admission")
    void json() throws Exception {
        // When
        JsonNode funnel =
                new ObjectMapper().readTree(JsonReportWriter.render(report())).path("funnel");

        // Then
        assertThat(funnel.path("purchaseShare").asDouble()).isEqualTo(0.5);
        JsonNode peak = funnel.path("phases").get(0);
        assertThat(peak.path("phase").asText()).isEqualTo("peak");
        assertThat(peak.path("confirmed").asLong()).isEqualTo(800);
        assertThat(peak.path("confirmedShare").asDouble()).isEqualTo(0.8);
        assertThat(peak.path("admissionP95S").asDouble()).isEqualTo(12.5);
    }

    @Test
    @DisplayName("report.json's funnel reads back as it was written (a baseline or an earlier run of the history)")
    void jsonReadsBack(@TempDir Path dir) throws Exception {
        // Given
        Path file = dir.resolve("report.json");
        Files.writeString(file, JsonReportWriter.render(report()));

        // When
        CapacityReport read = ReportJson.read(file);

        // Then
        assertThat(read.funnel()).isEqualTo(report().funnel());
    }

    @Test
    @DisplayName("report.json of a run without a funnel has no funnel field")
    void jsonWithout() throws Exception {
        // When
        JsonNode root = new ObjectMapper().readTree(JsonReportWriter.render(SampleReports.failingAtPeak()));

        // Then
        assertThat(root.has("funnel")).isFalse();
    }

    @Test
    @DisplayName("summary.md has a row per phase: counts with their share of those that set out, and the plan")
    void markdown() {
        // When
        String markdown = MarkdownReportWriter.render(report());

        // Then
        assertThat(markdown)
                .contains("#### Purchase funnel")
                .contains("(the plan: 50 % of all; the others stop after enter)")
                .contains(
                        "| peak | 2,000 | 1,000 | 950 (95 %) | 900 (90 %) | 850 (85 %) | 800 (80 %) | 12 | 2.5 s / 12.5 s / 31 s |");
    }

    @Test
    @DisplayName("report.html has the funnel's table and chart")
    void html() {
        // When
        String html = HtmlReportWriter.render(report());

        // Then
        String section = html.substring(html.indexOf("<h2>Purchase funnel</h2>"));
        assertThat(section)
                .contains("<img alt=\"Share of the journeys that set out to purchase reaching each stage, per phase\"")
                .contains("800 (80 %)");
    }

    @Test
    @DisplayName("the funnel chart has a bar per stage and phase: the share of those that set out, in percent")
    void chart() {
        // When
        CategoryDataset data = Charts.funnelChart(report()).getCategoryPlot().getDataset();

        // Then
        assertThat(data.getColumnKeys()).containsExactly("joined", "admitted", "held", "paid", "confirmed");
        assertThat(data.getRowKeys()).containsExactly("peak");
        assertThat(data.getValue("peak", "joined").doubleValue()).isEqualTo(100);
        assertThat(data.getValue("peak", "confirmed").doubleValue()).isEqualTo(80);
    }
}
