package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.HtmlReportWriter;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.TestDataCleanup;

@DisplayName("The test data cleanup in the report")
class CleanupInReportTest {
    @TempDir
    Path dir;

    private ReportService.Written report(TestDataCleanup cleanup) throws IOException {
        new SyntheticRun(dir, 1)
                .phase("steady", 20, 200)
                .sendAsScheduled(second -> 20_000)
                .merge();
        cleanup.write(new RunFolder(dir).cleanupFile());
        return ReportService.write(dir, ReportSettings.defaults(), History.none());
    }

    @Test
    @DisplayName("what the platform deleted is in report.json, the Markdown and the HTML")
    void deletedKeysShown() throws IOException {
        // When
        CapacityReport report = report(new TestDataCleanup(12L, Map.of("queue:*", 7L, "ratelimit:*", 5L), null))
                .report();

        // Then
        assertThat(ReportJson.read(dir.resolve("report.json")).cleanup()).isEqualTo(report.cleanup());
        assertThat(MarkdownReportWriter.render(report)).contains("test data cleaned up: 12 keys deleted");
        assertThat(HtmlReportWriter.render(report)).contains("test data cleaned up: 12 keys deleted");
    }

    @Test
    @DisplayName("a failed cleanup is a warning with its reason and leaves the verdict as it was")
    void failedCleanupIsAWarning() throws IOException {
        // When
        ReportService.Written written =
                report(TestDataCleanup.failed("POST /api/v1/admin/flush-test-data answered 403"));
        List<String> said = new ArrayList<>();
        ReportService.announce(written, ReportService.VerdictLine.LABELLED, said::add);

        // Then
        assertThat(written.report().verdict()).isNotEqualTo(Verdict.FAIL);
        assertThat(said.get(0)).startsWith("verdict: " + written.report().verdict());
        assertThat(said).contains("warning: test data not cleaned up: POST /api/v1/admin/flush-test-data answered 403");
        assertThat(MarkdownReportWriter.render(written.report()))
                .contains("**Warning**: test data not cleaned up: POST /api/v1/admin/flush-test-data answered 403");
    }

    @Test
    @DisplayName("a run that made no cleanup says nothing of one, and its report.json has none")
    void noCleanupNoMention() throws IOException {
        // Given
        new SyntheticRun(dir, 1)
                .phase("steady", 20, 200)
                .sendAsScheduled(second -> 20_000)
                .merge();

        // When
        CapacityReport report = ReportService.write(dir, ReportSettings.defaults(), History.none())
                .report();

        // Then
        assertThat(report.cleanup()).isNull();
        assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain("cleanup");
    }
}
