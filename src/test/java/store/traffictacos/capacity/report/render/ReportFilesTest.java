package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;

@DisplayName("ReportFiles")
class ReportFilesTest {
    @TempDir
    Path dir;

    private final CapacityReport report = SampleReports.failingAtPeak();

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
