package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.render.JunitReportWriter;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.FunnelFile;
import store.traffictacos.capacity.results.funnel.PhaseFunnel;

@DisplayName("SLOs of one endpoint: the team's k6 thresholds")
class EndpointSlosTest {
    private static final Path K6_THRESHOLDS = Path.of("docs/slo-k6-thresholds.yaml");

    @TempDir
    Path dir;

    /**
     * 20 s at 100 req/s: each second 40 joins (3 answered 500: 7.5 % failed), 40 status polls (all ok) and
     * 20 enters (2 answered 403 NOT_READY: 10 %).
     */
    private MergedResults run() {
        SyntheticRun run = new SyntheticRun(dir, 2).phase("steady", 20, 100);
        for (long second = 0; second < 20; second++) {
            for (int i = 0; i < 40; i++) {
                run.request(second, i * 10L, "join", i < 3 ? "http_500" : "ok", 20_000);
                run.request(second, i * 10L + 5, "status", "ok", 20_000);
            }
            for (int i = 0; i < 20; i++) {
                run.request(second, i * 40L + 7, "enter", i < 2 ? "not_ready" : "ok", 20_000);
            }
        }
        return run.merge();
    }

    private CapacityReport report() {
        ReportSettings settings = SloFile.settings(K6_THRESHOLDS);
        return ReportBuilder.build(ReportInputs.alone(run(), settings.slos()));
    }

    private static SloResult slo(CapacityReport report, String name) {
        return report.phases().get(0).slos().stream()
                .filter(slo -> slo.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("each threshold is judged on its endpoint's requests alone: join fails at 7.5 %, status and "
            + "enter hold")
    void judgedPerEndpoint() {
        // When
        CapacityReport report = report();

        // Then
        assertThat(slo(report, "join failures").value()).isEqualTo(0.075);
        assertThat(slo(report, "join failures").outcome()).isEqualTo(SloOutcome.FAIL);
        assertThat(slo(report, "join failures").samples()).isEqualTo(15 * 40);
        assertThat(slo(report, "status failures").outcome()).isEqualTo(SloOutcome.PASS);
        assertThat(slo(report, "enter not ready").value()).isEqualTo(0.10);
        assertThat(slo(report, "enter not ready").outcome()).isEqualTo(SloOutcome.PASS);
        assertThat(report.verdict()).isEqualTo(CapacityReport.Verdict.FAIL);
    }

    @Test
    @DisplayName("JUnit has a test case per threshold, the failed one saying its measured share")
    void junit() {
        // When
        String junit = JunitReportWriter.render(report());

        // Then
        assertThat(junit)
                .contains("name=\"join failures\"")
                .contains("name=\"status failures\"")
                .contains("name=\"enter not ready\"")
                .contains("join failures: measured 7.5 %");
    }

    @Test
    @DisplayName("Markdown shows every threshold with its verdict")
    void markdown() {
        // When
        String markdown = MarkdownReportWriter.render(report());

        // Then
        assertThat(markdown)
                .contains("join failures")
                .contains("status failures")
                .contains("enter not ready");
        assertThat(List.of(markdown.split("\n")))
                .anySatisfy(line -> assertThat(line).contains("join failures").contains("FAIL"));
    }

    @Test
    @DisplayName("the team's 64.5 % of purchase flows completed is a floor judged on the phase's journeys: 60 of "
            + "100 fail it, in JUnit and Markdown")
    void purchaseFlowsCompleted() throws IOException {
        // Given the run's two runners: 100 journeys set out to purchase, 60 confirmed
        run();
        for (int runner = 0; runner < 2; runner++) {
            FunnelFile.write(
                    dir.resolve("runner-" + runner),
                    new Funnel(0.5, List.of(new PhaseFunnel("steady", 100, 50, 45, 40, 35, 30, 20, new Histogram(3)))));
        }

        // When
        CapacityReport report =
                ReportBuilder.build(ReportInputs.read(dir, SloFile.settings(K6_THRESHOLDS), History.none()));

        // Then
        SloResult completed = slo(report, "purchase flows completed");
        assertThat(completed.value()).isEqualTo(0.6);
        assertThat(completed.outcome()).isEqualTo(SloOutcome.FAIL);
        assertThat(JunitReportWriter.render(report))
                .contains("purchase flows completed: measured 60 %, threshold &gt; 64.5 %");
        assertThat(MarkdownReportWriter.render(report))
                .contains("| purchase flows completed | > 64.5 % | 60 % **FAIL** |");
    }

    @Test
    @DisplayName("timeout_rate is the share of requests still unanswered at their timeout, over every endpoint")
    void timeoutRate() {
        // Given 1 request in 40 timed out, each second
        SyntheticRun run = new SyntheticRun(dir, 1).phase("steady", 20, 40);
        for (long second = 0; second < 20; second++) {
            for (int i = 0; i < 40; i++) {
                run.request(second, i * 20L, "status", i == 0 ? "timeout" : "ok", 20_000);
            }
        }
        SloSet slos = new SloSet(List.of(new SloSet.Slo("timeouts", SloSet.Metric.TIMEOUT_RATE, 0.01)), 5, 0.97);

        // When
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), slos));

        // Then
        assertThat(slo(report, "timeouts").value()).isEqualTo(0.025);
        assertThat(slo(report, "timeouts").outcome()).isEqualTo(SloOutcome.FAIL);
    }
}
