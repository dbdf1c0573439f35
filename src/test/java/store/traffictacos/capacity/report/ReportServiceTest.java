package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.net.RateLimitProbe;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.results.RateLimitProbeAnswer;
import store.traffictacos.capacity.runner.RunFolder;

@DisplayName("ReportService")
class ReportServiceTest {
    private static final Path HTML = Path.of("reports", "ci-1234", ReportFiles.HTML_FILE);
    private static final long HOUR_MS = 3_600_000L;

    @TempDir
    Path runDir;

    private static List<String> announced(CapacityReport report, ReportService.VerdictLine style) {
        List<String> lines = new ArrayList<>();
        ReportService.announce(new ReportService.Written(report, HTML), style, lines::add);
        return lines;
    }

    @Test
    @DisplayName("writes the run folder's report, judged by the given settings, into the folder")
    void writesJudgedBySettings() throws Exception {
        // Given a run answered in 20 ms, and SLOs that want its p99 below 10 ms
        new SyntheticRun(runDir, 2)
                .phase("steady", 10, 20)
                .sendAsScheduled(second -> 20_000)
                .merge();
        ReportSettings strict =
                SloFile.settings("slos: [{name: p99 latency, metric: p99_ms, below: 10}]\n", "slo.yaml");

        // When
        ReportService.Written written = ReportService.write(runDir, strict, History.none());

        // Then
        assertThat(written.html())
                .isEqualTo(runDir.resolve(ReportFiles.HTML_FILE))
                .exists();
        CapacityReport report = ReportJson.read(runDir.resolve(ReportFiles.JSON_FILE));
        assertThat(report).isEqualTo(written.report());
        assertThat(report.slos()).isEqualTo(strict.slos());
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    @DisplayName("states what the probe before the load found about the per-client limit, in every report file")
    void statesTheRateLimitProbe() throws Exception {
        // Given a run whose runner 0 found that the limit follows X-Forwarded-For
        new SyntheticRun(runDir, 2)
                .phase("steady", 10, 20)
                .sendAsScheduled(second -> 20_000)
                .merge();
        RateLimitProbe.Keying keying = RateLimitProbe.Keying.FOLLOWS_HEADER;
        new RateLimitProbeAnswer(keying.name(), keying.describe()).write(new RunFolder(runDir).rateLimitProbeFile());

        // When
        ReportService.Written written = ReportService.write(runDir, ReportSettings.defaults(), History.none());

        // Then
        assertThat(ReportJson.read(runDir.resolve(ReportFiles.JSON_FILE)).rateLimitProbe())
                .isEqualTo(keying.describe());
        assertThat(Files.readString(runDir.resolve(ReportFiles.MARKDOWN_FILE)))
                .contains("Per-client limit, probed before the load: the platform's per-client limit follows "
                        + "X-Forwarded-For. Security note:");
        assertThat(Files.readString(written.html())).contains("Per-client limit, probed before the load:");
    }

    @Test
    @DisplayName("a run whose every window failed: neither the summary nor the console claims a knee, both say why")
    void everyWindowFailed() throws Exception {
        // Given steps of 100 and 200 rps, every response slow
        steps().sendAsScheduled(second -> 150_000).merge();

        // When
        ReportService.Written written = ReportService.write(runDir, ReportSettings.defaults(), History.none());

        // Then
        String why = "Capacity knee: none, p99 latency failed already at the lowest rate measured (100 req/s)";
        assertNoKneeClaimed(written, why);
        assertThat(written.report().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    @DisplayName("a run whose every window was generator-limited: neither the summary nor the console claims a knee, "
            + "both say why")
    void everyWindowGeneratorLimited() throws Exception {
        // Given steps of 100 and 200 rps that sent half their schedule, answered fast
        SyntheticRun run = steps();
        for (int second = 0; second < run.seconds(); second++) {
            run.requests(second, run.scheduled(second) / 2, "ok", i -> 20_000);
        }
        run.merge();

        // When
        ReportService.Written written = ReportService.write(runDir, ReportSettings.defaults(), History.none());

        // Then
        String why = "Capacity knee: not measured, the load test itself was the limit in every judged window (see the "
                + "generator warnings)";
        assertNoKneeClaimed(written, why);
        assertThat(Files.readString(runDir.resolve(ReportFiles.MARKDOWN_FILE)))
                .contains("not measured (the load test's own limit)")
                .doesNotContain("| pass |");
        assertThat(written.report().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private SyntheticRun steps() {
        return new SyntheticRun(runDir, 2).phase("step-100", 10, 100).phase("step-200", 10, 200);
    }

    /** The summary and both console styles give {@code why} and no rate as a knee. */
    private static void assertNoKneeClaimed(ReportService.Written written, String why) throws Exception {
        String summary = Files.readString(written.html().resolveSibling(ReportFiles.MARKDOWN_FILE));
        List<String> console = new ArrayList<>(announced(written.report(), ReportService.VerdictLine.HEADLINE));
        console.addAll(announced(written.report(), ReportService.VerdictLine.LABELLED));
        assertThat(summary).contains(why).doesNotContain("no SLO failed").doesNotContainPattern("knee: [0-9]");
        assertThat(console.get(0)).endsWith(why);
        assertThat(String.join("\n", console)).doesNotContain("no SLO failed").doesNotContainPattern("knee: [0-9]");
        assertThat(written.report().knee().rps()).isNull();
    }

    @Test
    @DisplayName("a command's headline: the verdict and the knee, then where the report is")
    void headline() {
        // When
        List<String> lines = announced(SampleReports.failingAtPeak(), ReportService.VerdictLine.HEADLINE);

        // Then
        assertThat(lines)
                .containsExactly(
                        "FAIL: Capacity knee: 400 req/s, limited by p99 latency", "report: " + HTML.toAbsolutePath());
    }

    @Test
    @DisplayName("a log's labelled line: verdict: the verdict (the knee), then where the report is")
    void labelled() {
        // When
        List<String> lines = announced(SampleReports.failingAtPeak(), ReportService.VerdictLine.LABELLED);

        // Then
        assertThat(lines)
                .containsExactly(
                        "verdict: FAIL (Capacity knee: 400 req/s, limited by p99 latency)",
                        "report: " + HTML.toAbsolutePath());
    }

    @Test
    @DisplayName("with a baseline, the comparison and its broken rules follow the verdict")
    void comparison() {
        // Given a run whose p99 grew 11 % against its baseline
        CapacityReport run =
                Baselines.p99Times(Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 400.0), 1.11);
        CapacityReport baseline = Baselines.run("base", SampleReports.START_EPOCH_MS - HOUR_MS, Verdict.PASS, 400.0);
        CapacityReport regressed = Baselines.againstHistory(run, History.of(baseline, null, 20), Verdict.REGRESSED);

        // When
        List<String> lines = announced(regressed, ReportService.VerdictLine.HEADLINE);

        // Then
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith("Compared with baseline base: 4 of 9 regression checks broken: ")
                .contains("peak p99 +11 % (limit +10 %)");
    }
}
