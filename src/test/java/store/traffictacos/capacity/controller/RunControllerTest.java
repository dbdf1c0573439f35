package store.traffictacos.capacity.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.controller.RunSpec.AbortRules;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.RunSpec.PlatformSpec;
import store.traffictacos.capacity.controller.RunSpec.Timeouts;
import store.traffictacos.capacity.controller.fleet.FakeFleet;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.report.SyntheticRun;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.ReportFiles;
import store.traffictacos.capacity.runner.ProfileChoice;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * The controller's decisions, on a {@link FakeFleet}: which stages run in which order, the wind-down
 * after a failure or an abort, and the exit code. The runners' own work is the integration tier's
 * ({@code LocalRunEndToEndIT}, {@code KubernetesRunEndToEndIT}).
 */
@DisplayName("RunController")
class RunControllerTest {
    private static final String RUN_ID = "fake-run";
    private static final long NOW = 1_700_000_000_000L;
    private static final long FAST_MICROS = 20_000;
    private static final long SLOW_MICROS = 150_000;
    private static final ScaleTarget HPA = ScaleTarget.hpa("tacos-app", "gateway-api", 5, 10);
    private static final Timeouts TIMEOUTS =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(20));
    /** Two 10 s phases, as the results the runners leave: see {@link #results}. */
    private static final LoadProfile PROFILE = new LoadProfile(
            "fake",
            List.of(
                    Phase.constant("warm-up", Duration.ofSeconds(10), 100),
                    Phase.constant("peak", Duration.ofSeconds(10), 200)));

    @TempDir
    Path reports;

    private final AtomicLong clock = new AtomicLong(NOW);
    private final RecordingScaler scaler = new RecordingScaler();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private RunController controller;

    @Test
    @DisplayName("goes through every stage in order, scale and restore included, and ends DONE")
    void stagesInOrder() {
        // Given runners that succeed and leave results
        FakeFleet fleet = new FakeFleet().leavingResults(results(FAST_MICROS));

        // When
        RunStatus status = execute(fleet, List.of(HPA));

        // Then
        assertThat(stages(status))
                .containsExactly(
                        Stage.PENDING,
                        Stage.VALIDATE,
                        Stage.SCALE,
                        Stage.LAUNCH,
                        Stage.BARRIER,
                        Stage.START,
                        Stage.MONITOR,
                        Stage.COLLECT,
                        Stage.RESTORE,
                        Stage.REPORT,
                        Stage.CLEAN_UP,
                        Stage.DONE);
        assertThat(status.failure()).isNull();
    }

    @Test
    @DisplayName("uses the fleet in its documented order: check, launch, await, start, watch, collect, clean up")
    void fleetInOrder() {
        // Given
        FakeFleet fleet = new FakeFleet().leavingResults(results(FAST_MICROS));

        // When
        execute(fleet, List.of());

        // Then
        assertThat(fleet.calls())
                .containsExactly("check", "launch", "awaitReady", "start", "states", "collect", "cleanUp");
        assertThat(fleet.launched().runnerCount()).isEqualTo(2);
        assertThat(fleet.barrierTimeout()).isEqualTo(TIMEOUTS.barrier());
        assertThat(fleet.startAt().toEpochMilli())
                .isEqualTo(NOW + TIMEOUTS.startLead().toMillis());
    }

    @Test
    @DisplayName("scales the targets before the launch and restores them after the collect")
    void scalesAndRestores() {
        // Given
        FakeFleet fleet = new FakeFleet().leavingResults(results(FAST_MICROS));

        // When
        execute(fleet, List.of(HPA));

        // Then
        assertThat(scaler.calls).containsExactly("check", "scale", "awaitReady", "restore " + RUN_ID);
    }

    @Test
    @DisplayName("a run that scales nothing skips the restore")
    void noScaleNoRestore() {
        // Given
        FakeFleet fleet = new FakeFleet().leavingResults(results(FAST_MICROS));

        // When
        RunStatus status = execute(fleet, List.of());

        // Then
        assertThat(stages(status)).doesNotContain(Stage.RESTORE).contains(Stage.REPORT);
        assertThat(scaler.calls).doesNotContain("scale", "restore " + RUN_ID);
    }

    @Test
    @DisplayName("exits 0 when the report of the collected results passes")
    void exitZeroWhenPassed() {
        // Given
        FakeFleet fleet = new FakeFleet().leavingResults(results(FAST_MICROS));

        // When
        execute(fleet, List.of());

        // Then
        assertThat(controller.exitCode()).isZero();
        assertThat(reports.resolve(RUN_ID).resolve(ReportFiles.JSON_FILE)).isRegularFile();
    }

    @Test
    @DisplayName("exits 2 when the run went through but its report did not pass")
    void exitTwoWhenNotPassed() {
        // Given results whose peak phase is too slow for the default p99 SLO
        FakeFleet fleet = new FakeFleet().leavingResults(results(SLOW_MICROS));

        // When
        RunStatus status = execute(fleet, List.of());

        // Then
        assertThat(status.stage()).isEqualTo(Stage.DONE);
        assertThat(controller.exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("a failed validation creates nothing: no launch, nothing to collect, restore or clean up; exit 1")
    void failedValidation() {
        // Given
        FakeFleet fleet = new FakeFleet()
                .refusingChecks("kubernetes: not allowed in namespace tacos-loadtest: " + "create jobs.batch");

        // When
        RunStatus status = execute(fleet, List.of(HPA));

        // Then
        assertThat(stages(status)).containsExactly(Stage.PENDING, Stage.VALIDATE, Stage.FAILED);
        assertThat(status.failure())
                .isEqualTo(new RunStatus.Failure(
                        Stage.VALIDATE, "kubernetes: not allowed in namespace tacos-loadtest: create jobs.batch"));
        assertThat(fleet.calls()).containsExactly("check");
        assertThat(scaler.calls).isEmpty();
        assertThat(controller.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a barrier timeout fails the run in the barrier, then collects, restores and cleans up; no report")
    void barrierTimeout() {
        // Given runners that never get a node
        FakeFleet fleet = new FakeFleet()
                .neverReady("Unschedulable: 0/3 nodes are available")
                .leavingResults(results(FAST_MICROS));

        // When
        RunStatus status = execute(fleet, List.of(HPA));

        // Then
        assertThat(stages(status))
                .containsExactly(
                        Stage.PENDING,
                        Stage.VALIDATE,
                        Stage.SCALE,
                        Stage.LAUNCH,
                        Stage.BARRIER,
                        Stage.COLLECT,
                        Stage.RESTORE,
                        Stage.CLEAN_UP,
                        Stage.FAILED);
        assertThat(status.failure())
                .isEqualTo(new RunStatus.Failure(
                        Stage.BARRIER,
                        "barrier: 0 of 2 runners ready "
                                + "after 5s; pending: runner 0 (Unschedulable: 0/3 nodes are available), runner 1 (Unschedulable: "
                                + "0/3 nodes are available)"));
        assertThat(fleet.calls()).doesNotContain("start");
        assertThat(controller.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("saves the status at every step, so status.json holds the final one with its failure")
    void statusSaved() {
        // Given
        FakeFleet fleet = new FakeFleet().neverReady("Unschedulable: 0/3 nodes are available");

        // When
        RunStatus status = execute(fleet, List.of());

        // Then
        assertThat(RunStatusFile.read(reports.resolve(RUN_ID))).isEqualTo(status);
        assertThat(console()).contains("FAILED in barrier: barrier: 0 of 2 runners ready after 5s");
    }

    @Test
    @DisplayName("runners still running past the profile's end and the drain are stopped; their partial results "
            + "are reported, and the run fails in the monitor with exit 1")
    void pastTheEnd() {
        // Given runners that never end, and time running past the profile's end plus the drain at the first look
        long late = TIMEOUTS.startLead()
                        .plus(PROFILE.totalDuration())
                        .plus(TIMEOUTS.drain())
                        .toMillis()
                + 1;
        FakeFleet fleet =
                new FakeFleet().runningUntilStopped(() -> clock.set(NOW + late)).leavingResults(results(FAST_MICROS));

        // When
        RunStatus status = execute(fleet, List.of(HPA));

        // Then
        assertThat(stages(status))
                .containsSubsequence(
                        Stage.MONITOR, Stage.COLLECT, Stage.RESTORE, Stage.REPORT, Stage.CLEAN_UP, Stage.FAILED);
        assertThat(status.failure())
                .isEqualTo(new RunStatus.Failure(
                        Stage.MONITOR, "monitor: runners still running 20 s after the profile's end"));
        assertThat(fleet.calls()).containsSubsequence("states", "stop", "collect", "cleanUp");
        assertThat(controller.exitCode())
                .as("a failed run's report does not decide")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("an abort while waiting at the barrier interrupts the wait and winds down; exit 1")
    void abortAtBarrier() {
        // Given a barrier that an abort (Ctrl-C) interrupts while it waits
        FakeFleet fleet = new FakeFleet().waitingAtBarrier(() -> controller.abort("stopped by a signal (test)"));

        // When
        RunStatus status = execute(fleet, List.of(HPA));

        // Then
        assertThat(status.failure())
                .isEqualTo(new RunStatus.Failure(Stage.BARRIER, "aborted: stopped by a signal (test)"));
        assertThat(stages(status))
                .containsSubsequence(Stage.BARRIER, Stage.COLLECT, Stage.RESTORE, Stage.CLEAN_UP, Stage.FAILED);
        assertThat(controller.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("an abort during the load stops the runners, then collects and reports their partial results")
    void abortDuringLoad() {
        // Given runners that run until an abort stops them
        FakeFleet fleet = new FakeFleet()
                .runningUntilStopped(() -> controller.abort("stopped by a signal (test)"))
                .leavingResults(results(FAST_MICROS));

        // When
        RunStatus status = execute(fleet, List.of());

        // Then
        assertThat(status.failure())
                .isEqualTo(new RunStatus.Failure(Stage.MONITOR, "aborted: stopped by a signal (test)"));
        assertThat(fleet.calls()).containsSubsequence("states", "stop", "collect", "cleanUp");
        assertThat(stages(status)).contains(Stage.REPORT);
        assertThat(console()).contains("runner 0: collected (partial: runner 0 (" + FakeFleet.STOPPED + "))");
        assertThat(controller.exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("an abort before the run starts runs no stage at all")
    void abortBeforeStart() {
        // Given
        FakeFleet fleet = new FakeFleet();
        controller = controller(fleet, List.of());
        controller.abort("stopped by a signal (test)");

        // When
        RunStatus status = controller.execute();

        // Then
        assertThat(stages(status)).containsExactly(Stage.PENDING, Stage.FAILED);
        assertThat(status.failure().reason()).isEqualTo("aborted: stopped by a signal (test)");
        assertThat(fleet.calls()).isEmpty();
    }

    @Test
    @DisplayName("with cleanup asked for, the platform's test data is flushed after the restore, before the report, "
            + "which shows what was deleted")
    void flushBeforeReport() throws Exception {
        // Given a platform that answers the flush
        HttpServer platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/v1/admin/flush-test-data", exchange -> {
            byte[] body = "{\"success\":true,\"total_deleted_keys\":42,\"deleted_by_pattern\":{\"queue:*\":42}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        platform.start();
        try {
            controller = controller(
                    new FakeFleet().leavingResults(results(FAST_MICROS)),
                    List.of(HPA),
                    cleanupAgainst(URI.create(
                            "http://127.0.0.1:" + platform.getAddress().getPort())));

            // When
            RunStatus status = controller.execute();

            // Then
            assertThat(stages(status))
                    .containsSubsequence(Stage.RESTORE, Stage.FLUSH, Stage.REPORT, Stage.CLEAN_UP, Stage.DONE);
            assertThat(ReportJson.read(reports.resolve(RUN_ID).resolve("report.json"))
                            .cleanup()
                            .totalDeletedKeys())
                    .isEqualTo(42);
        } finally {
            platform.stop(0);
        }
    }

    @Test
    @DisplayName("a flush that fails is a warning: the run still reports and ends DONE with the report's exit code")
    void failedFlushIsAWarning() throws Exception {
        // Given a platform nobody answers for
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        controller = controller(
                new FakeFleet().leavingResults(results(FAST_MICROS)),
                List.of(HPA),
                cleanupAgainst(URI.create("http://127.0.0.1:" + port)));

        // When
        RunStatus status = controller.execute();

        // Then
        assertThat(status.failure()).isNull();
        assertThat(controller.exitCode()).isZero();
        assertThat(console()).contains("test data not cleaned up: POST /api/v1/admin/flush-test-data failed");
    }

    private static RunnerSettings cleanupAgainst(URI platform) {
        return RunnerSettings.fromProperties(Map.of("cleanup", "true", "runner.count", "2"), RUN_ID)
                .controlledBy(RUN_ID, platform, new ProfileChoice(PROFILE, null, null), 2, Duration.ZERO, false);
    }

    private RunStatus execute(FakeFleet fleet, List<ScaleTarget> scale) {
        controller = controller(fleet, scale);
        return controller.execute();
    }

    private RunController controller(FakeFleet fleet, List<ScaleTarget> scale) {
        return controller(
                fleet,
                scale,
                RunnerSettings.of(RUN_ID, new ProfileChoice(PROFILE, null, null), 2)
                        .withTarget(URI.create("http://platform.example:8000")));
    }

    private RunController controller(FakeFleet fleet, List<ScaleTarget> scale, RunnerSettings runner) {
        RunSpec spec = new RunSpec(
                runner,
                RunSpec.Backend.LOCAL,
                new KubernetesSpec(
                        "tacos-loadtest",
                        "tacos-app",
                        "tacos-capacity:test",
                        "2",
                        "4Gi",
                        RunnerLaunch.DEFAULT_SERVICE_ACCOUNT,
                        RunnerLaunch.DEFAULT_NODE_SELECTOR,
                        RunnerLaunch.DEFAULT_TOLERATIONS,
                        3600,
                        null,
                        null,
                        null),
                scale,
                new PlatformSpec(Duration.ofSeconds(5), false, List.of(), null, null),
                null,
                null,
                reports,
                TIMEOUTS,
                new AbortRules(0.5, 10_000, 30));
        RunBackend backend = new RunBackend(spec.target(), fleet, scaler, () -> {}, List.of(), List.of(), List.of());
        return new RunController(spec, backend, new PrintStream(console, true, StandardCharsets.UTF_8), clock::get);
    }

    /** Two runners' results of {@link #PROFILE}, sent as scheduled; the peak phase answered in {@code peakMicros}. */
    private static Consumer<Path> results(long peakMicros) {
        return runDir -> new SyntheticRun(runDir, 2)
                .phase("warm-up", 10, 100)
                .phase("peak", 10, 200)
                .sendAsScheduled(second -> second < 10 ? FAST_MICROS : peakMicros)
                .merge();
    }

    private static List<Stage> stages(RunStatus status) {
        return status.transitions().stream().map(RunStatus.Transition::stage).toList();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A platform scaler that only records what it was asked. */
    private static final class RecordingScaler implements PlatformScaler {
        final List<String> calls = new ArrayList<>();

        @Override
        public void check(List<ScaleTarget> targets) {
            calls.add("check");
        }

        @Override
        public void scale(String runId, List<ScaleTarget> targets) {
            calls.add("scale");
        }

        @Override
        public void awaitReady(List<ScaleTarget> targets, Duration timeout) {
            calls.add("awaitReady");
        }

        @Override
        public List<String> restore(String runId) {
            calls.add("restore " + runId);
            return List.of("hpa tacos-app/gateway-api");
        }
    }
}
