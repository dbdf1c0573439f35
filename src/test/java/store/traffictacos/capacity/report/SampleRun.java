package store.traffictacos.capacity.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.RunnerOutcomes;

/**
 * The results files of a 60 s run shaped like {@link SampleReports#failingAtPeak()}, for tests that
 * build the report through {@link ReportInputs}: "warmup" 0–15 s at 100 req/s, "steady" 15–30 s at
 * 400 req/s, "peak" 30–50 s at 700 req/s and "cooldown" 50–60 s at 100 req/s, with the default 5 s
 * settle. Every request is answered in 20 ms, but in 150 ms in peak: p99 fails in peak only, so the
 * knee is 400 req/s, limited by p99 latency, and its failing window is peak's judged 35–50 s.
 */
public final class SampleRun {
    public static final long START = SyntheticRun.START;
    public static final PlatformSeriesFile.Contents NOT_SAMPLED = new PlatformSeriesFile.Contents(List.of(), Map.of());
    private static final long FAST_MICROS = 20_000;
    private static final long SLOW_MICROS = 150_000;

    private SampleRun() {}

    /** The run's results, written into {@code dir} by 2 runners and merged. */
    public static MergedResults failingAtPeak(Path dir) {
        return new SyntheticRun(dir, 2)
                .phase("warmup", 15, 100)
                .phase("steady", 15, 400)
                .phase("peak", 20, 700)
                .phase("cooldown", 10, 100)
                .sendAsScheduled(second -> second >= 30 && second < 50 ? SLOW_MICROS : FAST_MICROS)
                .merge();
    }

    /** The report of {@code results} with these platform series, history and settings, without runners.json. */
    public static CapacityReport report(
            MergedResults results, PlatformSeriesFile.Contents platform, History history, ReportSettings settings) {
        return ReportBuilder.build(
                new ReportInputs(results, new RunnerOutcomes(List.of()), platform, history, settings));
    }
}
