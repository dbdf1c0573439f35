package store.traffictacos.capacity.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.model.TrendPoint;
import store.traffictacos.capacity.report.render.ReportFiles;

/**
 * Earlier runs a report is set against: an explicit baseline ({@code --baseline}), a folder of
 * earlier reports ({@code --history}), both or none. Only runs that started before the reported
 * one count, so rebuilding an old run's report never compares it with a later run or itself.
 */
public final class History {
    /** The phase whose p99 the trend follows when a profile has it; else the highest offered rate. */
    static final String PEAK_PHASE = "peak";

    public static final int DEFAULT_TREND_RUNS = 20;

    private final CapacityReport baseline;
    /** Null without a history folder: then there is no trend, rather than a trend of one run. */
    private final List<CapacityReport> runs;

    private final int trendRuns;

    private History(CapacityReport baseline, List<CapacityReport> runs, int trendRuns) {
        if (trendRuns < 1) {
            throw new IllegalArgumentException("--trend-runs must be at least 1, got " + trendRuns);
        }
        this.baseline = baseline;
        this.runs = runs;
        this.trendRuns = trendRuns;
    }

    public static History none() {
        return new History(null, null, DEFAULT_TREND_RUNS);
    }

    /** Against the earlier report in {@code baselineFile} (read now: a bad file fails before any work); none when null. */
    public static History baseline(Path baselineFile) {
        return baselineFile == null ? none() : of(readReport(baselineFile, "baseline"), null, DEFAULT_TREND_RUNS);
    }

    /**
     * @param baseline the run to compare with, or null to pick the last passing run of {@code runs}
     * @param runs earlier reports, or null without a history folder
     * @param trendRuns how many of the latest earlier runs the trend shows
     */
    public static History of(CapacityReport baseline, List<CapacityReport> runs, int trendRuns) {
        return new History(baseline, runs == null ? null : List.copyOf(runs), trendRuns);
    }

    /** The explicit baseline, else the latest run earlier than the run {@code runId} that passed. */
    public Optional<CapacityReport> baselineFor(String runId, long startEpochMs) {
        if (baseline != null) {
            return Optional.of(baseline);
        }
        return earlier(runId, startEpochMs)
                .filter(report -> report.verdict() == Verdict.PASS)
                .reduce((first, later) -> later);
    }

    /**
     * The last {@code trendRuns} earlier runs by start time, then the run with the given knee and
     * phases; empty without a history folder.
     */
    public List<TrendPoint> trend(String runId, long startEpochMs, Knee knee, List<PhaseReport> phases) {
        if (runs == null) {
            return List.of();
        }
        List<CapacityReport> earlier = earlier(runId, startEpochMs).toList();
        List<TrendPoint> points = new ArrayList<>();
        earlier.subList(Math.max(0, earlier.size() - trendRuns), earlier.size())
                .forEach(report ->
                        points.add(trendPoint(report.runId(), report.startEpochMs(), report.knee(), report.phases())));
        points.add(trendPoint(runId, startEpochMs, knee, phases));
        return List.copyOf(points);
    }

    /**
     * The report files of a history folder: every {@code *.json} in it and every
     * {@code <sub-folder>/report.json}, so a {@code reports/} folder of run folders works as is.
     *
     * @throws IllegalArgumentException naming the folder or the file that could not be read
     */
    public static List<CapacityReport> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no history folder at " + folder);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                if (Files.isDirectory(child) && Files.isRegularFile(child.resolve(ReportFiles.JSON_FILE))) {
                    files.add(child.resolve(ReportFiles.JSON_FILE));
                } else if (Files.isRegularFile(child)
                        && child.getFileName().toString().endsWith(".json")) {
                    files.add(child);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list history folder " + folder + ": " + e.getMessage(), e);
        }
        List<CapacityReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(readReport(file, "history report"));
        }
        return reports;
    }

    /**
     * Reads one earlier report.
     *
     * @param what how the error names the file, e.g. "baseline"
     * @throws IllegalArgumentException with a one-line message
     */
    public static CapacityReport readReport(Path file, String what) {
        try {
            return ReportJson.read(file);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + TextFiles.reason(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot read " + what + " " + file + ": not a report ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")",
                    e);
        } catch (IOException e) {
            // ReportJson's own messages (e.g. another format version) already name the file.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Stream<CapacityReport> earlier(String runId, long startEpochMs) {
        return (runs == null ? Stream.<CapacityReport>empty() : runs.stream())
                .filter(report ->
                        report.startEpochMs() < startEpochMs && !report.runId().equals(runId))
                .sorted(Comparator.comparingLong(CapacityReport::startEpochMs));
    }

    /** The run's point in a trend; {@code knee} is null in reports read from older files. */
    private static TrendPoint trendPoint(String runId, long startEpochMs, Knee knee, List<PhaseReport> phases) {
        PhaseReport tracked = phases.stream()
                .filter(phase -> phase.name().equals(PEAK_PHASE))
                .findFirst()
                .or(() -> phases.stream()
                        .filter(PhaseReport::judged)
                        .max(Comparator.comparingDouble(PhaseReport::offeredRps)))
                .orElse(null);
        return new TrendPoint(
                runId,
                startEpochMs,
                knee == null ? null : knee.rps(),
                tracked == null ? null : tracked.name(),
                tracked == null ? Double.NaN : tracked.p99Ms());
    }
}
