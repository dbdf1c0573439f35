package store.traffictacos.capacity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;

@DisplayName("report command: baseline, history, prices")
class ReportCommandTest {
    private static final long START = 1_700_000_000_000L;
    private static final int SECONDS = 20;
    private static final int RPS = 40;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;

    @BeforeEach
    void captureOut() {
        // The command prints its summary to System.out, as the shipped jar does.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(originalOut);
    }

    private int run(String... args) {
        CommandLine commandLine = TacosCapacity.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** A one-runner run of a 20 s "peak" phase at 40 req/s, every request ok after {@code latencyMs}. */
    private Path runFolder(String runId, long startEpochMs, long latencyMs) throws IOException {
        Path runDir = dir.resolve(runId);
        ResultsRecorder recorder = new ResultsRecorder(startEpochMs);
        long[] scheduled = new long[SECONDS];
        for (int second = 0; second < SECONDS; second++) {
            scheduled[second] = RPS;
            for (int i = 0; i < RPS; i++) {
                long sentAt = startEpochMs + second * 1000L + i * 1000L / RPS;
                recorder.sent(sentAt);
                recorder.record(sentAt, "GET /api/v1/queue/status", "ok", latencyMs * 1000);
            }
        }
        long end = startEpochMs + SECONDS * 1000L;
        Manifest manifest = new Manifest(
                runId,
                0,
                1,
                "synthetic",
                startEpochMs,
                end,
                "3.15.0",
                "http://localhost:8080",
                List.of(new PhaseWindow("peak", startEpochMs, end, RPS, RPS)),
                scheduled);
        ResultsFiles.write(runDir.resolve("runner-0"), manifest, recorder.snapshot());
        return runDir;
    }

    /** The report of a passing run with the given p99-ish latency, as a history file. */
    private Path reportOf(String runId, long startEpochMs, long latencyMs) throws IOException {
        Path runDir = runFolder(runId, startEpochMs, latencyMs);
        assertThat(run("report", runDir.toString())).isZero();
        return runDir.resolve(ReportFiles.JSON_FILE);
    }

    @Test
    @DisplayName("--baseline with a p99 20 % higher than the baseline's exits 2 and says REGRESSED")
    void baselineRegressed() throws IOException {
        // Given
        Path baseline = reportOf("base", START, 50);
        Path runDir = runFolder("now", START + 3_600_000, 60);

        // When
        int exit = run("report", runDir.toString(), "--baseline", baseline.toString());

        // Then
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("REGRESSED: ")
                .contains("Compared with baseline base: 1 of 3 regression checks broken: peak p99 +20 %");
        assertThat(ReportJson.read(runDir.resolve(ReportFiles.JSON_FILE)).verdict())
                .isEqualTo(CapacityReport.Verdict.REGRESSED);
    }

    @Test
    @DisplayName("--history compares with the last passing run and embeds the trend")
    void historyTrend() throws IOException {
        // Given two earlier runs copied into a history folder
        Path history = Files.createDirectories(dir.resolve("history"));
        Files.copy(reportOf("first", START, 60), history.resolve("first.json"));
        Files.copy(reportOf("second", START + 3_600_000, 60), history.resolve("second.json"));
        Path runDir = runFolder("now", START + 7_200_000, 60);

        // When
        int exit = run("report", runDir.toString(), "--history", history.toString(), "--trend-runs", "5");

        // Then
        assertThat(exit).isZero();
        CapacityReport report = ReportJson.read(runDir.resolve(ReportFiles.JSON_FILE));
        assertThat(report.comparison().baselineRunId()).isEqualTo("second");
        assertThat(report.trend()).hasSize(3);
        assertThat(Files.readString(runDir.resolve(ReportFiles.HTML_FILE))).contains("<h2>Trend</h2>");
    }

    @Test
    @DisplayName("a missing baseline file is one error line and exit code 1")
    void missingBaseline() throws IOException {
        // Given
        Path runDir = runFolder("now", START, 50);

        // When
        int exit = run("report", runDir.toString(), "--baseline", "x.json");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: cannot read baseline x.json: No such file");
    }

    @Test
    @DisplayName("a baseline of another format version is ReportJson's message and exit code 1")
    void baselineOtherFormat() throws IOException {
        // Given
        Path runDir = runFolder("now", START, 50);
        Path baseline = Files.writeString(dir.resolve("old.json"), "{\"format\": \"tacos-report/0\"}");

        // When
        int exit = run("report", runDir.toString(), "--baseline", baseline.toString());

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: " + baseline + ": format is 'tacos-report/0', expected 'tacos-report/1'");
    }

    @Test
    @DisplayName("--trend-runs 0 is one error line and exit code 1")
    void trendRunsZero() throws IOException {
        // Given
        Path runDir = runFolder("now", START, 50);

        // When
        int exit = run("report", runDir.toString(), "--history", dir.toString(), "--trend-runs", "0");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: --trend-runs must be at least 1, got 0");
    }

    @Test
    @DisplayName("a missing --prices file is one error line and exit code 1")
    void missingPrices() throws IOException {
        // Given
        Path runDir = runFolder("now", START, 50);

        // When
        int exit = run("report", runDir.toString(), "--prices", "p.yaml");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: cannot read price file p.yaml: No such file");
    }

    @Test
    @DisplayName("with a valid --prices file the report is written and its cost is n/a without node series")
    void pricesAccepted() throws IOException {
        // Given
        Path runDir = runFolder("now", START, 50);
        Path prices = Files.writeString(dir.resolve("prices.yaml"), "c7i.xlarge: 0.18\n");

        // When
        int exit = run("report", runDir.toString(), "--prices", prices.toString());

        // Then
        assertThat(exit).isZero();
        assertThat(Files.readString(runDir.resolve(ReportFiles.MARKDOWN_FILE)))
                .contains("Cost: n/a (no node series: platform metrics not collected)");
    }
}
