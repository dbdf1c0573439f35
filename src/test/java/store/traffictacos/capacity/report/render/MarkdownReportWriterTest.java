package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;

@DisplayName("MarkdownReportWriter")
class MarkdownReportWriterTest {

    @Test
    @DisplayName("the verdict is a bold plain-text marker")
    void verdict() {
        // When
        String md = MarkdownReportWriter.render(SampleReports.failingAtPeak());

        // Then
        assertThat(md).contains("**FAIL**").contains("1 of 12 SLO checks failed");
    }

    @Test
    @DisplayName("a phase not judged reads warm-up, not judged, in its row and in the SLO table")
    void notJudged() {
        // Given the sample's warmup not judged
        CapacityReport report = SampleReports.withWarmUpNotJudged();

        // When
        List<String> lines = MarkdownReportWriter.render(report).lines().toList();

        // Then
        assertThat(lines)
                .contains(
                        "| warmup | 100 req/s | 100 req/s | 99.8 req/s | 8.2 ms | 21.5 ms | 38 ms | 120 ms | 0 % "
                                + "| warm-up, not judged |",
                        "| p99 latency | < 100 ms | warm-up, not judged | 71.9 ms pass | 180.4 ms **FAIL** | 33.3 ms pass |");
        assertThat(lines)
                .anyMatch(line ->
                        line.startsWith("**FAIL**: 1 of 9 SLO checks failed; warm-up, not judged: " + "warmup"));
    }

    @Test
    @DisplayName("the knee line names the rate and the SLO that limited it")
    void knee() {
        // When
        String md = MarkdownReportWriter.render(SampleReports.failingAtPeak());

        // Then
        assertThat(md).contains("Capacity knee: 400 req/s, limited by p99 latency");
    }

    @Test
    @DisplayName("when no SLO failed, the knee line says so up to the highest rate that held")
    void noKnee() {
        // Given
        CapacityReport sample = SampleReports.failingAtPeak();
        CapacityReport report = new CapacityReport(
                sample.format(),
                sample.runId(),
                sample.profile(),
                sample.runners(),
                sample.startEpochMs(),
                sample.endEpochMs(),
                CapacityReport.Verdict.PASS,
                new Knee(700.0, null, null, null, null),
                sample.phases(),
                sample.endpoints(),
                sample.timeline(),
                sample.generatorWarnings(),
                sample.slos(),
                sample.comparison(),
                sample.cost(),
                sample.trend(),
                sample.platform(),
                sample.platformUnavailable());

        // When
        String md = MarkdownReportWriter.render(report);

        // Then
        assertThat(md).contains("Capacity knee: no SLO failed up to 700 req/s");
    }

    @Test
    @DisplayName("the generator's line says its HTTP version, connections, in-flight peak and budget, and timeout")
    void transport() {
        // Given
        CapacityReport report = SampleReports.withTransport(
                new CapacityReport.Transport(List.of("2"), 10_000, 8_800, 12, 4, 3, 3_100L, 0));

        // When
        List<String> lines = MarkdownReportWriter.render(report).lines().toList();

        // Then
        assertThat(lines)
                .contains("Generator: HTTP/2, 12 connections opened during the load (4 before it, at most 3 in a "
                        + "second), at most 3,100 requests in flight of a budget of 8,800, a request times out after "
                        + "10 s.");
    }

    @Test
    @DisplayName("the generator's line says one request in flight in the singular")
    void oneRequestInFlight() {
        // Given
        CapacityReport report = SampleReports.withTransport(
                new CapacityReport.Transport(List.of("1.1"), 10_000, 4_400, 9, 0, 5, 1L, 0));

        // When
        String md = MarkdownReportWriter.render(report);

        // Then
        assertThat(md).contains("at most 1 request in flight of a budget of 4,400");
    }

    @Test
    @DisplayName("the generator's line counts the requests its own HTTP/2 client refused, as never sent")
    void refusedByRunner() {
        // Given
        CapacityReport report = SampleReports.withTransport(
                new CapacityReport.Transport(List.of("2"), 10_000, 8_800, 12, 4, 3, 3_100L, 3));

        // When
        String md = MarkdownReportWriter.render(report);

        // Then
        assertThat(md)
                .contains("a request times out after 10 s; 3 requests refused by the runners' own HTTP/2 client")
                .contains("never sent, not counted against the platform.");
    }

    @Test
    @DisplayName("the probe's finding about the per-client limit is stated, with its security note")
    void rateLimitProbe() {
        // Given
        CapacityReport report = SampleReports.withRateLimitProbe(
                "the platform's per-client limit follows X-Forwarded-For. Security note: any client can pick its "
                        + "own bucket");

        // When
        List<String> lines = MarkdownReportWriter.render(report).lines().toList();

        // Then
        assertThat(lines)
                .contains("Per-client limit, probed before the load: the platform's per-client limit follows "
                        + "X-Forwarded-For. Security note: any client can pick its own bucket.");
    }

    @Test
    @DisplayName("without a recorded transport, there is no generator line")
    void noTransport() {
        // When
        String md = MarkdownReportWriter.render(SampleReports.failingAtPeak());

        // Then
        assertThat(md).doesNotContain("Generator:");
    }

    @Test
    @DisplayName("each phase has a table row with rates, percentiles, errors in % and its SLO verdict")
    void phaseRows() {
        // When
        List<String> lines = MarkdownReportWriter.render(SampleReports.failingAtPeak())
                .lines()
                .toList();

        // Then
        assertThat(lines)
                .contains(
                        "| warmup | 100 req/s | 100 req/s | 99.8 req/s | 8.2 ms | 21.5 ms | 38 ms | 120 ms | 0 % | pass |",
                        "| ramp | 400 req/s | 399.5 req/s | 398.9 req/s | 11.4 ms | 40.3 ms | 71.9 ms | 240 ms | 0.2 % | pass |",
                        "| peak | 700 req/s | 688 req/s | 640.5 req/s | 41.2 ms | 120 ms | 180.4 ms | 950 ms | 0.8 % "
                                + "| FAIL: p99 latency |",
                        "| cooldown | 100 req/s | 100 req/s | 100 req/s | 7.9 ms | 19 ms | 33.3 ms | 90 ms | 0 % | pass |");
    }

    @Test
    @DisplayName("each SLO has a row with its threshold and, per phase, the measured value and pass/FAIL")
    void sloRows() {
        // When
        List<String> lines = MarkdownReportWriter.render(SampleReports.failingAtPeak())
                .lines()
                .toList();

        // Then
        assertThat(lines)
                .contains(
                        "| SLO | Threshold | warmup | ramp | peak | cooldown |",
                        "| p99 latency | < 100 ms | 38 ms pass | 71.9 ms pass | 180.4 ms **FAIL** | 33.3 ms pass |",
                        "| error rate | < 1 % | 0 % pass | 0.2 % pass | 0.8 % pass | 0 % pass |");
    }

    @Test
    @DisplayName("generator warnings are listed with their seconds, table and HTML characters escaped")
    void warnings() {
        // When
        String md = MarkdownReportWriter.render(SampleReports.failingAtPeak());

        // Then
        assertThat(md).contains("- 40–43 s: sent 91 % &lt;97 %&gt; of schedule \\| runner \"b\" & 'c'");
    }
}
