package store.traffictacos.capacity.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.settings.PriceTable;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.ResourceThreshold;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.RateLimitProbeAnswer;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerOutcomes;
import store.traffictacos.capacity.results.RunnerResults;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.FunnelFile;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.results.invariants.LedgerFile;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.TestDataCleanup;

/**
 * Everything a {@link ReportBuilder} computes a report from, gathered before it computes anything.
 *
 * @param results the runners' merged results (a missing runner is named in them, not an error)
 * @param runnerOutcomes the controller's word on each runner ({@code runners.json}); empty without one
 * @param platform the series sampled beside the load ({@code platform.json}); empty without one
 * @param history the baseline and earlier runs the report is set against
 * @param settings the SLOs, regression rules, prices and resource thresholds
 * @param ledgers what each runner's journeys saw of the sale ({@link LedgerFile}); empty when none kept one
 * @param rateLimitProbe what the probe before the load found about the per-client limit; null: no probe ran
 * @param cleanup what the platform deleted of the run's test data afterwards; null when none was made
 * @param funnels each runner's purchase funnel ({@link FunnelFile}); empty when none kept one
 */
public record ReportInputs(
        MergedResults results,
        RunnerOutcomes runnerOutcomes,
        PlatformSeriesFile.Contents platform,
        History history,
        ReportSettings settings,
        List<Ledger.Data> ledgers,
        @Nullable RateLimitProbeAnswer rateLimitProbe,
        @Nullable TestDataCleanup cleanup,
        List<Funnel> funnels) {
    private static final RunnerOutcomes NO_RUNNER_OUTCOMES = new RunnerOutcomes(List.of());
    private static final PlatformSeriesFile.Contents NOT_SAMPLED = new PlatformSeriesFile.Contents(List.of(), Map.of());

    public ReportInputs {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(runnerOutcomes, "runnerOutcomes");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(settings, "settings");
        ledgers = List.copyOf(ledgers);
        funnels = List.copyOf(funnels);
    }

    /** Inputs without ledgers: no invariant is checked. */
    public ReportInputs(
            MergedResults results,
            RunnerOutcomes runnerOutcomes,
            PlatformSeriesFile.Contents platform,
            History history,
            ReportSettings settings) {
        this(results, runnerOutcomes, platform, history, settings, List.of(), null, null, List.of());
    }

    /** The run alone, judged by {@code slos}: no runners.json, platform series or history; other settings default. */
    public static ReportInputs alone(MergedResults results, SloSet slos) {
        return new ReportInputs(
                results,
                NO_RUNNER_OUTCOMES,
                NOT_SAMPLED,
                History.none(),
                new ReportSettings(
                        slos, RegressionRules.defaults(), PriceTable.defaults(), ResourceThreshold.defaults()));
    }

    /**
     * A run folder ({@code reports/<run-id>/}): its {@code runner-*} folders' results, and its
     * {@code runners.json} and {@code platform.json} when it has them.
     *
     * @throws IllegalArgumentException naming the folder or the file that could not be read
     */
    public static ReportInputs read(Path runDir, ReportSettings settings, History history) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("no run folder at " + runDir);
        }
        RunFolder folder = new RunFolder(runDir);
        MergedResults results = MergedResults.mergeAvailable(readRunners(folder));
        RunnerOutcomes outcomes = RunnerOutcomes.read(folder.runnersFile()).orElse(NO_RUNNER_OUTCOMES);
        return new ReportInputs(
                results,
                outcomes,
                readPlatform(folder.platformFile()),
                history,
                settings,
                readLedgers(folder),
                readProbe(folder.rateLimitProbeFile()),
                readCleanup(folder.cleanupFile()),
                readFunnels(folder));
    }

    /** The runners' funnels; a damaged one is named in the error. */
    private static List<Funnel> readFunnels(RunFolder folder) {
        List<Funnel> funnels = new ArrayList<>();
        for (Path dir : folder.runners()) {
            try {
                FunnelFile.read(dir).ifPresent(funnels::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return funnels;
    }

    private static @Nullable RateLimitProbeAnswer readProbe(Path file) {
        try {
            return RateLimitProbeAnswer.read(file).orElse(null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable TestDataCleanup readCleanup(Path file) {
        try {
            return TestDataCleanup.read(file).orElse(null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The runners' ledgers; a damaged one is named in the error. */
    private static List<Ledger.Data> readLedgers(RunFolder folder) {
        List<Ledger.Data> ledgers = new ArrayList<>();
        for (Path dir : folder.runners()) {
            try {
                LedgerFile.read(dir).ifPresent(ledgers::add);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        return ledgers;
    }

    /** Every runner folder's results; a missing or corrupt one is named in the error. */
    private static List<RunnerResults> readRunners(RunFolder folder) {
        List<Path> runnerDirs = folder.runners();
        if (runnerDirs.isEmpty()) {
            throw new IllegalArgumentException("no results in " + folder.dir() + ": expected "
                    + RunFolder.RUNNER_PATTERN + "/ folders with "
                    + ResultsFiles.MANIFEST_FILE + " and " + ResultsFiles.LOG_FILE);
        }
        List<RunnerResults> runners = new ArrayList<>();
        for (Path dir : runnerDirs) {
            try {
                runners.add(ResultsFiles.read(dir));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read results in " + dir + ": " + e.getMessage(), e);
            }
        }
        return runners;
    }

    /** The run's platform series; none when it sampled none (no {@code platform.json}). */
    private static PlatformSeriesFile.Contents readPlatform(Path file) {
        if (!Files.exists(file)) {
            return NOT_SAMPLED;
        }
        try {
            return PlatformSeriesFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
