package store.traffictacos.capacity.report.model;

import java.util.List;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * Everything a capacity run concluded, computed once from the merged results files and the SLO
 * set; the HTML, JSON, JUnit and Markdown writers only render it. Serialized as
 * {@code report.json} (field names as here, {@link #FORMAT} versioned).
 *
 * @param verdict PASS when every SLO held in every phase, FAIL otherwise (REGRESSED when a baseline
 *     rule is broken)
 * @param phases per phase, in profile order
 * @param endpoints per endpoint over the whole measured run
 * @param timeline per second of the run
 * @param generatorWarnings windows where the load generator, not the platform, fell short
 * @param comparison the run against its baseline; null without one
 * @param cost of the run and of its capacity (n/a without node series); null in files written before it
 * @param trend earlier runs and this one, oldest first; empty without a history of runs
 * @param runnerResults per runner, whether its results are complete, stopped early or missing
 * @param startSkewMs the spread of the runners' first measured requests (max − min); null for one runner
 */
public record CapacityReport(
        String format,
        String runId,
        String profile,
        int runners,
        long startEpochMs,
        long endEpochMs,
        Verdict verdict,
        Knee knee,
        List<PhaseReport> phases,
        List<EndpointReport> endpoints,
        List<SecondPoint> timeline,
        List<GeneratorWarning> generatorWarnings,
        SloSet slos,
        @Nullable Comparison comparison,
        @Nullable Cost cost,
        List<TrendPoint> trend,
        List<PlatformSeries> platform,
        java.util.Map<String, String> platformUnavailable,
        List<RunnerResult> runnerResults,
        @Nullable Long startSkewMs) {

    public static final String FORMAT = "tacos-report/1";

    /** A report that says nothing about its runners' completeness (hand-made, or read from an older file). */
    public CapacityReport(
            String format,
            String runId,
            String profile,
            int runners,
            long startEpochMs,
            long endEpochMs,
            Verdict verdict,
            Knee knee,
            List<PhaseReport> phases,
            List<EndpointReport> endpoints,
            List<SecondPoint> timeline,
            List<GeneratorWarning> generatorWarnings,
            SloSet slos,
            @Nullable Comparison comparison,
            @Nullable Cost cost,
            List<TrendPoint> trend,
            List<PlatformSeries> platform,
            java.util.Map<String, String> platformUnavailable) {
        this(
                format,
                runId,
                profile,
                runners,
                startEpochMs,
                endEpochMs,
                verdict,
                knee,
                phases,
                endpoints,
                timeline,
                generatorWarnings,
                slos,
                comparison,
                cost,
                trend,
                platform,
                platformUnavailable,
                List.of(),
                null);
    }

    public CapacityReport {
        runnerResults = runnerResults == null ? List.of() : runnerResults;
        // Files written before the trend existed have none; an empty list reads the same everywhere.
        trend = trend == null ? List.of() : trend;
        // Runs without platform sampling (and older files) have no platform series.
        platform = platform == null ? List.of() : platform;
        platformUnavailable = platformUnavailable == null ? java.util.Map.of() : platformUnavailable;
    }

    /**
     * A platform metric sampled beside the load (Redis INFO, the embedded target's JVM, ...), on the
     * run's clock: {@code second} counts from the run's start, as in {@link #timeline()}.
     */
    public record PlatformSeries(String source, String series, String unit, List<PlatformPoint> points) {}

    public record PlatformPoint(double second, double value) {}

    /**
     * What one runner left: {@code complete}, {@code stopped early} (results up to where it stopped)
     * or {@code missing} (none), with why.
     */
    public record RunnerResult(int index, String status, String detail) {
        public static final String COMPLETE = "complete";
        public static final String STOPPED_EARLY = "stopped early";
        public static final String MISSING = "missing";

        public boolean complete() {
            return COMPLETE.equals(status);
        }
    }

    /** The runners that did not leave complete results, e.g. {@code runner 2 missing: no results written}. */
    public List<String> runnerProblems() {
        return runnerResults.stream()
                .filter(runner -> !runner.complete())
                .map(runner -> "runner " + runner.index() + " " + runner.status() + ": " + runner.detail())
                .toList();
    }

    public enum Verdict {
        PASS,
        FAIL,
        REGRESSED
    }

    /**
     * The highest offered rate at which every SLO held (null when none did), the SLO that failed
     * first beyond it (null when none failed), the seconds {@code [failedFromSecond, failedToSecond)}
     * of the window where it failed (null when none failed), and the resource that gave out first
     * there: of the resources over their threshold in that window, the one that had been over it the
     * longest (null when none was, or without platform series).
     */
    public record Knee(
            @Nullable Double rps,
            @Nullable String limitedBy,
            @Nullable String resource,
            @Nullable Long failedFromSecond,
            @Nullable Long failedToSecond) {
        public Knee withResource(@Nullable String firstResource) {
            return new Knee(rps, limitedBy, firstResource, failedFromSecond, failedToSecond);
        }
    }

    /**
     * One phase. Statistics exclude the first {@code settleSeconds} of the phase (they are still
     * drawn in the charts). Rates are requests per second; latencies milliseconds; errorRate a
     * fraction (errors ÷ requests, where the expected 403 NOT_READY at enter is not an error).
     */
    public record PhaseReport(
            String name,
            long startSecond,
            long endSecond,
            long settleSeconds,
            double offeredRps,
            double sentRps,
            double achievedRps,
            long requests,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            double errorRate,
            java.util.Map<String, Long> errorsByKind,
            List<SloResult> slos,
            boolean pass,
            boolean generatorLimited,
            List<ResourceResult> resources) {
        public PhaseReport {
            // Runs without platform series (and older files) judge no resources.
            resources = resources == null ? List.of() : resources;
        }
    }

    /**
     * One resource threshold judged over a phase's judged seconds: a warning, not an SLO (it does not
     * change the verdict). {@code value} is the highest sample of any matching series and {@code series}
     * the one it came from; {@code crossedAtSecond} is when any matching series first went above the
     * threshold in the phase (null when none did).
     */
    public record ResourceResult(
            String name,
            String source,
            String series,
            String unit,
            double threshold,
            double value,
            @Nullable Double crossedAtSecond,
            boolean crossed) {}

    /** One SLO judged in one phase or window: pass when {@code value < threshold}. */
    public record SloResult(String name, String metric, double threshold, double value, boolean pass) {}

    public record EndpointReport(
            String endpoint, long requests, double p50Ms, double p95Ms, double p99Ms, double maxMs, double errorRate) {}

    /** One second of the run: offered (scheduled), sent and answered requests, latency, errors. */
    public record SecondPoint(
            long second,
            long offered,
            long sent,
            long achieved,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            java.util.Map<String, Long> errorsByKind) {}

    /** Seconds {@code [fromSecond, toSecond)} where the generator fell behind, and why. */
    public record GeneratorWarning(long fromSecond, long toSecond, String reason) {}
}
