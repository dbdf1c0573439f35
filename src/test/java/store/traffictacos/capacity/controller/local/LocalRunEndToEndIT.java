package store.traffictacos.capacity.controller.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunController;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunStatus;
import store.traffictacos.capacity.controller.Stage;
import store.traffictacos.capacity.controller.setup.RunAssembly;
import store.traffictacos.capacity.controller.spec.RunSpecFile;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.ResultsFiles;

/**
 * Three runner JVMs against the embedded target, through every stage of the controller. Three runs
 * (about 20-30 s each on 2 cores): one complete, one with runner 1 stopped (SIGTERM) mid-run, one
 * aborted as by Ctrl-C.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A local run of 3 runners")
class LocalRunEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The runners warm up for 5 s before the start instant (start lead 10 s; a run's default is 15 s): a
     * runner's first measured request, cold, would otherwise set its clock tens of ms late for the whole
     * run, and its last second would look short. Then a warm-up not judged (the journey's code is compiled
     * there), 150 req/s split 50/50/50 and 210; long enough for progress lines (every 5 s) and a stop in
     * the middle. Judged after 1 settle second (SLO), each judged phase has the responses a p99 needs to
     * be judged with confidence (750 and 1,050, where 368 bound it only by the slowest).
     */
    private static final String PROFILE = """
            name: three-runners
            phases:
              - {name: warm-up, duration: 3s, rps: 150, judge: false}
              - {name: steady, duration: 6s, rps: 150}
              - {name: more, duration: 6s, rps: 210}
            """;

    private static final String SLO = "settleSeconds: 1\n";

    private Path dir;
    private Run complete;
    private Run stopped;
    private Run aborted;

    private record Run(RunSpec spec, RunStatus status, int exitCode, String console) {
        Path runDir() {
            return spec.runDir();
        }

        CapacityReport report() throws Exception {
            return ReportJson.read(runDir().resolve("report.json"));
        }
    }

    @BeforeAll
    void runTwice(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        complete = run("complete", (runner, line) -> {});
        AtomicBoolean killed = new AtomicBoolean();
        stopped = run("stopped", (runner, line) -> {
            // Runner 1's first progress line: it has measured for 5 s; stop it as a deleted pod would be.
            if (runner == 1 && line.startsWith("tacos-progress") && killed.compareAndSet(false, true)) {
                ProcessHandle.current()
                        .descendants()
                        .filter(process -> commandLine(process).contains("/.runners/1/"))
                        .forEach(ProcessHandle::destroy);
            }
        });
        AtomicBoolean abortedOnce = new AtomicBoolean();
        aborted = run("aborted", (runner, line) -> {
            // As Ctrl-C would, once the load is under way.
            if (line.startsWith("tacos-progress") && abortedOnce.compareAndSet(false, true)) {
                abortRun.get().abort("stopped by a signal (test)");
            }
        });
    }

    @Test
    @DisplayName(
            "goes through every stage in order, the embedded target's test data flushed, and ends DONE, passing with exit code 0")
    void stagesInOrder() {
        assertThat(complete.status().transitions())
                .extracting(RunStatus.Transition::stage)
                .containsExactly(
                        Stage.PENDING,
                        Stage.VALIDATE,
                        Stage.SCALE,
                        Stage.LAUNCH,
                        Stage.BARRIER,
                        Stage.START,
                        Stage.MONITOR,
                        Stage.COLLECT,
                        // the embedded target's test data is deleted by default
                        Stage.FLUSH,
                        Stage.REPORT,
                        Stage.CLEAN_UP,
                        Stage.DONE);
        assertThat(complete.exitCode()).as(complete.console()).isZero();
    }

    @Test
    @DisplayName("gives each runner its exact share of every second of the profile")
    void exactShares() throws Exception {
        LoadProfile profile = complete.spec().profile();
        long[] sum = new long[profile.requestsPerSecond().length];
        for (int runner = 0; runner < 3; runner++) {
            // The file's seconds run on past the profile while the last answers come back (scheduled 0 there).
            long[] scheduled = ResultsFiles.read(complete.runDir().resolve("runner-" + runner))
                    .manifest()
                    .scheduledPerSecond();
            assertThat(Arrays.stream(scheduled, sum.length, scheduled.length).filter(count -> count != 0))
                    .isEmpty();
            long[] share = Arrays.copyOf(scheduled, sum.length);
            assertThat(share).containsExactly(profile.shard(runner, 3).requestsPerSecond());
            Arrays.setAll(sum, second -> sum[second] + share[second]);
        }
        assertThat(sum).containsExactly(profile.requestsPerSecond());
    }

    @Test
    @DisplayName("starts the runners within 200 ms of each other, as the report measures it")
    void startSkew() throws Exception {
        assertThat(complete.report().startSkewMs()).isNotNull().isBetween(0L, 200L);
    }

    @Test
    @DisplayName("reports merged totals equal to the sum of the runners' totals")
    void mergedTotals() throws Exception {
        long runnersTotal = 0;
        for (int runner = 0; runner < 3; runner++) {
            runnersTotal += JSON.readTree(complete.runDir()
                            .resolve("runner-" + runner)
                            .resolve("manifest.json")
                            .toFile())
                    .at("/totals/requests")
                    .asLong();
        }
        long merged = complete.report().endpoints().stream()
                .mapToLong(CapacityReport.EndpointReport::requests)
                .sum();
        assertThat(runnersTotal).isPositive();
        assertThat(merged).isEqualTo(runnersTotal);
    }

    @Test
    @DisplayName("merges the runners' live progress on the controller's console")
    void mergedProgress() {
        assertThat(complete.console()).containsPattern("\\[ +5s\\] achieved .* \\(3 of 3 runners\\)");
    }

    @Test
    @DisplayName("removes the runners' working folders and leaves their logs")
    void cleansUp() {
        assertThat(complete.runDir().resolve(".runners")).doesNotExist();
        assertThat(complete.runDir().resolve("logs").resolve("runner-2.log")).isNotEmptyFile();
    }

    @Test
    @DisplayName("an aborted run stops every runner, still collects and reports what they measured, and fails with why")
    void abortedRun() throws Exception {
        assertThat(aborted.status().stage()).isEqualTo(Stage.FAILED);
        assertThat(aborted.status().failure())
                .isEqualTo(new RunStatus.Failure(Stage.MONITOR, "aborted: stopped by a signal (test)"));
        assertThat(aborted.status().transitions())
                .extracting(RunStatus.Transition::stage)
                .contains(Stage.COLLECT, Stage.REPORT, Stage.CLEAN_UP);
        assertThat(aborted.report().runnerResults())
                .extracting(CapacityReport.RunnerResult::status)
                .containsOnly("stopped early");
        assertThat(aborted.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("keeps a stopped runner's partial results and names it in the report, which then exits 2")
    void stoppedRunnerReported() throws Exception {
        Manifest partial =
                ResultsFiles.read(stopped.runDir().resolve("runner-1")).manifest();
        JsonNode totals = JSON.readTree(stopped.runDir()
                        .resolve("runner-1")
                        .resolve("manifest.json")
                        .toFile())
                .at("/totals/requests");
        CapacityReport report = stopped.report();

        assertThat(partial.stoppedEarly()).startsWith("terminated before the end of its profile");
        assertThat(totals.asLong()).isPositive();
        assertThat(report.runnerResults())
                .extracting(CapacityReport.RunnerResult::status)
                .containsExactly("complete", "stopped early", "complete");
        assertThat(report.runnerProblems())
                .singleElement()
                .asString()
                .contains("runner 1 stopped early")
                .contains("(runner failed)");
        assertThat(stopped.exitCode()).isEqualTo(2);
        assertThat(stopped.console()).contains("runner 1 failed: terminated (SIGTERM, exit code 143)");
    }

    /** The whole command line: ProcessHandle.Info cuts it at 4 KiB, before the runner's arguments. */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The controller of the run going on, for a test that stops it as a signal would. */
    private final AtomicReference<RunController> abortRun = new AtomicReference<>();

    private Run run(String runId, BiConsumer<Integer, String> onLine) throws Exception {
        Path profile = Files.writeString(dir.resolve(runId + "-profile.yaml"), PROFILE);
        Path slo = Files.writeString(dir.resolve(runId + "-slo.yaml"), SLO);
        RunSpec spec = RunSpecFile.parse("""
                runId: %s
                profileFile: %s
                slo: %s
                runners: 3
                reports: %s
                timeouts: {barrier: 2m, startLead: 10s, drain: 1m}
                """.formatted(runId, profile, slo, dir.resolve("reports")), "spec")
                .toSpec("unused");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (RunAssembly assembly = RunAssembly.open(spec, console, System::currentTimeMillis, onLine)) {
            abortRun.set(assembly.controller());
            RunStatus status = assembly.controller().execute();
            return new Run(spec, status, assembly.controller().exitCode(), bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
