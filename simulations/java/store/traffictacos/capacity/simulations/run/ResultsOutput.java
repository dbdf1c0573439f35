package store.traffictacos.capacity.simulations.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.platform.SamplingSchedule;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerTransport;
import store.traffictacos.capacity.results.Snapshot;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.FunnelFile;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.results.invariants.LedgerFile;
import store.traffictacos.capacity.runner.ResultsLog;
import store.traffictacos.capacity.runner.TestDataCleanup;
import store.traffictacos.capacity.simulations.journey.JourneyBook;

/**
 * What a runner leaves when it ends: its results folder (results, manifest, how its journeys ended, what they
 * saw of the sale, how far they went),
 * the platform series it sampled, its per-phase summary on the console, its results in its log when the
 * controller cannot reach its files, and the capacity report once every runner's results are in.
 */
final class ResultsOutput {
    /** Beside the results file: how the runner's journeys ended ({@link JourneyBook.Counts}). */
    static final String JOURNEYS_FILE = "journeys.json";

    private static final ObjectMapper JOURNEYS_JSON = new ObjectMapper();

    private final RunSettings settings;
    private final URI target;
    private final boolean embeddedTarget;
    private final PrintStream out;

    ResultsOutput(RunSettings settings, URI target, boolean embeddedTarget, PrintStream out) {
        this.settings = settings;
        this.target = target;
        this.embeddedTarget = embeddedTarget;
        this.out = out;
    }

    /**
     * @param ledger what the journeys saw of the sale; null: none kept ({@code -Dinvariants=off}), no file written
     * @param stoppedEarly why the run ended before its profile did, with the second; null at its planned end
     * @return the capacity report, when this runner wrote it (a lone runner, or the last of a shared folder)
     */
    ReportService.Written write(
            Snapshot snapshot,
            RunnerTransport transport,
            JourneyBook.Counts journeys,
            Ledger.@Nullable Data ledger,
            Funnel funnel,
            SamplingSchedule platform,
            String stoppedEarly)
            throws IOException {
        Path dir = settings.folder().runner(settings.runnerIndex());
        // before the manifest, which is written last: a folder with a manifest is complete
        if (ledger != null) {
            LedgerFile.write(dir, ledger);
        }
        FunnelFile.write(dir, funnel);
        ResultsFiles.write(dir, manifest(snapshot.startEpochMs(), stoppedEarly), snapshot, transport);
        JOURNEYS_JSON.writeValue(dir.resolve(JOURNEYS_FILE).toFile(), journeys);
        if (!platform.samples().isEmpty() || !platform.unavailable().isEmpty()) {
            PlatformSeriesFile.write(settings.folder().platformFile(), platform.samples(), platform.unavailable());
        }
        RunSummary.print(MergedResults.ofRunner(ResultsFiles.read(dir)), journeys, out);
        out.printf("results: %s%n", dir);
        if (settings.runner().resultsToLog()) {
            ResultsLog.write(dir, settings.runnerIndex(), out);
            out.flush();
        }
        cleanUpWhenComplete();
        return stoppedEarly == null ? reportWhenComplete() : null;
    }

    /**
     * Deletes the platform's test data once every runner is done, when asked ({@code -Dcleanup}; by default
     * on the embedded target), also after a runner was stopped early; a controller's runners leave it to the
     * controller. The platform's answer goes into the run folder for the report; a failure is a warning.
     */
    private void cleanUpWhenComplete() throws IOException {
        if (settings.runner().controlled()
                || !settings.runner().cleanupAfter(embeddedTarget)
                || settings.folder().runners().size() < settings.runnerCount()) {
            return;
        }
        TestDataCleanup cleanup =
                TestDataCleanup.flush(target, settings.runner().transport().sslContext());
        cleanup.write(settings.folder().cleanupFile());
        out.println(cleanup.summary());
    }

    /**
     * The capacity report needs every runner's results: the last runner to finish in a shared
     * folder (or a lone runner) writes it; otherwise {@code tacos-capacity report} does, later.
     */
    private ReportService.Written reportWhenComplete() {
        if (settings.folder().runners().size() < settings.runnerCount()) {
            out.printf(
                    "capacity report: once every runner is done, java -jar target/tacos-capacity.jar report %s%n",
                    settings.reportsDir());
            return null;
        }
        ReportService.Written written = ReportService.write(settings.reportsDir(), settings.report(), History.none());
        out.println();
        ReportService.announce(written, ReportService.VerdictLine.LABELLED, out::println);
        return written;
    }

    private Manifest manifest(long measuredStartEpochMs, String stoppedEarly) {
        LoadProfile profile = settings.profile();
        List<PhaseWindow> windows = new ArrayList<>();
        long phaseStart = measuredStartEpochMs;
        // phase windows carry the whole run's rates, not this runner's share
        for (Phase phase : settings.fullProfile().phases()) {
            long phaseEnd = phaseStart + phase.duration().toMillis();
            windows.add(new PhaseWindow(
                    phase.name(), phaseStart, phaseEnd, phase.fromRps(), phase.toRps(), phase.judged()));
            phaseStart = phaseEnd;
        }
        return new Manifest(
                settings.runId(),
                settings.runnerIndex(),
                settings.runnerCount(),
                profile.name(),
                measuredStartEpochMs,
                phaseStart,
                gatlingVersion(),
                Uris.redact(target).toString(),
                windows,
                profile.requestsPerSecond(),
                stoppedEarly);
    }

    private static String gatlingVersion() {
        try (InputStream in =
                ResultsOutput.class.getResourceAsStream("/META-INF/maven/io.gatling/gatling-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
