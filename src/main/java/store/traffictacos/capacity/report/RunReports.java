package store.traffictacos.capacity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerOutcomes;
import store.traffictacos.capacity.results.RunnerResults;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.render.ReportFiles;

/** Builds and writes the capacity report of a run folder ({@code reports/<run-id>/runner-*}). */
public final class RunReports {
    private RunReports() {
    }

    /** The report written, and where its HTML is. */
    public record Written(CapacityReport report, Path html) {
    }

    /** The run's report, compared with {@code history} under the settings' regression rules. */
    public static Written build(Path runDir, ReportSettings settings, History history) {
        // A runner without results is named in the report (and fails its exit code), not an error here.
        CapacityReport built = ReportBuilder.build(MergedResults.mergeAvailable(readRunners(runDir)), settings.slos(),
                settings.prices());
        CapacityReport alone = RunnerOutcomes.read(new RunFolder(runDir).runnersFile())
                .map(outcomes -> ReportBuilder.withRunnerOutcomes(built, outcomes)).orElse(built);
        CapacityReport report = withPlatform(ReportBuilder.withHistory(alone, history, settings.regression()), runDir,
                settings);
        try {
            return new Written(report, ReportFiles.writeAll(runDir, report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** Adds the run's platform series when it sampled any ({@code platform.json} beside the runners). */
    private static CapacityReport withPlatform(CapacityReport report, Path runDir, ReportSettings settings) {
        Path file = new RunFolder(runDir).platformFile();
        if (!Files.exists(file)) {
            return report;
        }
        try {
            return ReportBuilder.withPlatform(report, PlatformSeriesFile.read(file), settings);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code runner-*} folder's results; a missing or corrupt one is named in the error. */
    static List<RunnerResults> readRunners(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("no run folder at " + runDir);
        }
        List<Path> runnerDirs = new RunFolder(runDir).runners();
        if (runnerDirs.isEmpty()) {
            throw new IllegalArgumentException("no results in " + runDir + ": expected runner-<i>/ folders with "
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
}
