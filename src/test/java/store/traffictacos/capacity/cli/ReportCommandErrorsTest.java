package store.traffictacos.capacity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;

@DisplayName("report command: outcomes and bad input")
class ReportCommandErrorsTest {
    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path runDir;

    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        CommandLine commandLine = TacosCapacity.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "report";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    /** One runner, 10 s at 100 req/s, every request answered in {@code latencyMicros}. */
    private void writeRun(long latencyMicros) throws Exception {
        ResultsRecorder recorder = new ResultsRecorder(START);
        for (int i = 0; i < 1_000; i++) {
            long sentAt = START + i * 10L;
            recorder.sent(sentAt);
            recorder.record(sentAt, "status", "ok", latencyMicros);
        }
        long[] scheduled = new long[10];
        java.util.Arrays.fill(scheduled, 100);
        ResultsFiles.write(
                runDir.resolve("runner-0"),
                new Manifest(
                        "cli",
                        0,
                        1,
                        "test",
                        START,
                        START + 10_000,
                        "3.15.0",
                        "http://127.0.0.1:1",
                        List.of(new PhaseWindow("peak", START, START + 10_000, 100, 100)),
                        scheduled),
                recorder.snapshot());
    }

    @Test
    @DisplayName("a run that met every SLO exits 0 and leaves the four report files")
    void passingRun() throws Exception {
        // Given
        writeRun(2_000);

        // When
        int exit = report(runDir.toString());

        // Then
        assertThat(exit).isZero();
        assertThat(runDir.resolve("report.html")).exists();
        assertThat(runDir.resolve("report.json")).exists();
        assertThat(runDir.resolve("junit.xml")).exists();
        assertThat(runDir.resolve("summary.md")).exists();
    }

    @Test
    @DisplayName("a run that broke an SLO exits 2")
    void failingRun() throws Exception {
        // Given every request took 250 ms
        writeRun(250_000);

        // Then
        assertThat(report(runDir.toString())).isEqualTo(2);
    }

    @Test
    @DisplayName("a folder without results exits 1 and says what was expected")
    void noResults() {
        assertThat(report(runDir.toString())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: no results in " + runDir
                        + ": expected runner-<i>/ folders with manifest.json and results.hlog");
    }

    @Test
    @DisplayName("a corrupt results file exits 1 naming the runner folder and why")
    void corruptResults() throws Exception {
        // Given
        writeRun(2_000);
        Files.writeString(runDir.resolve("runner-0").resolve("manifest.json"), "{\"format\": \"tacos-results/1\", ");

        // Then
        assertThat(report(runDir.toString())).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: cannot read results in " + runDir.resolve("runner-0") + ": manifest.json ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    @DisplayName("a manifest of an unknown format names the folder once, then the file and the format")
    void otherFormat() throws Exception {
        // Given
        writeRun(2_000);
        Path manifest = runDir.resolve("runner-0").resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("tacos-results/1", "tacos-results/9"));

        // Then
        assertThat(report(runDir.toString())).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: cannot read results in " + runDir.resolve("runner-0")
                        + ": manifest.json: format 'tacos-results/9' is not tacos-results/1");
    }

    @Test
    @DisplayName("an SLO file with an unknown metric exits 1 listing the valid metrics")
    void unknownMetric() throws Exception {
        // Given
        writeRun(2_000);
        Path slo =
                Files.writeString(runDir.resolve("slo.yaml"), "slos:\n  - {name: tail, metric: p999_ms, below: 100}\n");

        // Then
        assertThat(report(runDir.toString(), "--slo", slo.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("unknown metric 'p999_ms'")
                .contains("p50_ms, p95_ms, p99_ms, max_ms, error_rate");
    }

    @Test
    @DisplayName("a run folder that does not exist exits 1")
    void missingFolder() {
        assertThat(report(runDir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: no run folder at " + runDir.resolve("nope"));
    }
}
