package store.traffictacos.capacity.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.runner.TestDataCleanup;

/**
 * Everything a capacity run concluded, computed once from the merged results files and the SLO
 * set; the HTML, JSON, JUnit and Markdown writers only render it. Serialized as
 * {@code report.json} (field names as here, {@link #FORMAT} versioned).
 *
 * @param verdict PASS when every SLO held in every judged phase, FAIL when one failed, INCONCLUSIVE when
 *     none failed but the run could not show them all held (REGRESSED when a baseline rule is broken)
 * @param phases per phase, in profile order, judged or not
 * @param endpoints per endpoint over the whole measured run
 * @param timeline per second of the run
 * @param generatorWarnings windows where the load generator, not the platform, fell short
 * @param comparison the run against its baseline; null without one
 * @param cost of the run and of its capacity (n/a without node series); null in files written before it
 * @param trend earlier runs and this one, oldest first; empty without a history of runs
 * @param runnerResults per runner, whether its results are complete, stopped early or missing
 * @param startSkewMs the spread of the runners' first measured requests (max − min); null for one runner
 * @param invariants the sale's invariants checked on what every runner's journeys saw; empty when the runners
 *     kept no ledger (runs recorded before it), and then left out of {@code report.json}
 * @param cleanup what the platform deleted of the run's test data afterwards, or why it could not (a warning,
 *     never the verdict); null when the run made no cleanup, and then left out of {@code report.json}
 * @param funnel the purchase funnel per phase (joined, admitted, held, paid, confirmed) and the time to admission;
 *     null when the runners kept none (runs recorded before it), and then left out of {@code report.json}
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
        @Nullable Long startSkewMs,
        @Nullable Transport transport,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InvariantReport> invariants,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String rateLimitProbe,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TestDataCleanup cleanup,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable FunnelReport funnel) {

    public static final String FORMAT = "tacos-report/1";

    /** A report without invariants (a run whose runners kept no ledger). */
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
            java.util.Map<String, String> platformUnavailable,
            List<RunnerResult> runnerResults,
            @Nullable Long startSkewMs) {
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
                runnerResults,
                startSkewMs,
                null,
                List.of(),
                null,
                null,
                null);
    }

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
                null,
                null,
                List.of(),
                null,
                null,
                null);
    }

    public CapacityReport {
        invariants = invariants == null ? List.of() : invariants;
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

    /**
     * How the runners reached the target and what their connections did: the generator's side of a run, so that
     * a reader can tell its connections and in-flight budget from the platform's limits.
     *
     * @param httpVersions the HTTP versions the runners used ({@code 1.1}, {@code 2})
     * @param inFlightBudget the requests all runners could keep outstanding together
     * @param connectionsOpened connections all runners opened during the measured load
     * @param warmUpConnectionsOpened connections opened before it (the runners' warm-up)
     * @param mostConnectionsOpenedInASecond the most opened in one second of the measured load
     * @param peakInFlight the most requests outstanding in one second (the runners' highest readings added up);
     *     null: not read
     * @param refusedByRunner requests the runners' own HTTP/2 clients refused to send (a stream over the server's
     *     limit, a race in Gatling's pool): never sent, so neither errors nor answers of the platform
     */
    public record Transport(
            List<String> httpVersions,
            long requestTimeoutMs,
            long inFlightBudget,
            long connectionsOpened,
            long warmUpConnectionsOpened,
            long mostConnectionsOpenedInASecond,
            @Nullable Long peakInFlight,
            long refusedByRunner) {
        public Transport {
            httpVersions = List.copyOf(httpVersions);
        }
    }

    /**
     * One invariant of the sale over the whole run (see {@code results.invariants.Invariant}).
     *
     * @param name e.g. {@code seat_sold_once}
     * @param description what holds when it passes
     * @param observations answers that could have broken it; 0: the run did not exercise it
     * @param violations how many times it was broken, by any runner or by the runners together
     * @param examples up to ten ids that broke it
     * @param pass no violation
     */
    public record InvariantReport(
            String name, String description, long observations, long violations, List<String> examples, boolean pass) {}

    /** The invariants that were broken. */
    public List<InvariantReport> brokenInvariants() {
        return invariants.stream().filter(invariant -> !invariant.pass()).toList();
    }

    /** The runners that did not leave complete results, e.g. {@code runner 2 missing: no results written}. */
    public List<String> runnerProblems() {
        return runnerResults.stream()
                .filter(runner -> !runner.complete())
                .map(runner -> "runner " + runner.index() + " " + runner.status() + ": " + runner.detail())
                .toList();
    }

    public enum Verdict {
        /** Every SLO held, with enough samples, in every judged phase the generator kept up with. */
        PASS,
        /** An SLO failed in a judged phase. */
        FAIL,
        /** A PASS that broke a regression rule against the baseline. */
        REGRESSED,
        /**
         * No SLO failed, but the run cannot show that they held: a judged phase was not measured (the
         * generator fell behind), an SLO rests on too few samples, or no phase was judged.
         */
        INCONCLUSIVE
    }

    /**
     * The highest offered rate at which every SLO held, and why there is none when there is none.
     *
     * @param rps the knee: the offered rate of the last window that held before the first that failed
     *     ({@link KneeReason#FOUND}), or of the highest that held when none failed ({@link
     *     KneeReason#NONE_FAILED}: capacity is at least that); null for every other reason
     * @param limitedBy the SLO that failed first in the failing window; null when none failed
     * @param resource the resource that gave out first there: of the resources over their threshold in
     *     that window, the one that had been over it the longest (null when none was, or without platform
     *     series)
     * @param failedFromSecond the failing window's seconds {@code [failedFromSecond, failedToSecond)}; null
     *     when none failed
     * @param reason why the knee is what it is; files written before it have none and read as the reason
     *     their other fields imply
     * @param failedAtRps the failing window's offered rate; null when none failed (and in older files)
     */
    public record Knee(
            @Nullable Double rps,
            @Nullable String limitedBy,
            @Nullable String resource,
            @Nullable Long failedFromSecond,
            @Nullable Long failedToSecond,
            @Nullable KneeReason reason,
            @Nullable Double failedAtRps) {

        /** A knee whose reason follows from its fields (hand-made, or as files before the reason read). */
        public Knee(
                @Nullable Double rps,
                @Nullable String limitedBy,
                @Nullable String resource,
                @Nullable Long failedFromSecond,
                @Nullable Long failedToSecond) {
            this(rps, limitedBy, resource, failedFromSecond, failedToSecond, null, null);
        }

        public Knee {
            if (reason == null) {
                reason = limitedBy != null
                        ? (rps != null ? KneeReason.FOUND : KneeReason.LOWEST_FAILED)
                        : (rps != null ? KneeReason.NONE_FAILED : KneeReason.NOTHING_JUDGED);
            }
        }

        public Knee withResource(@Nullable String firstResource) {
            return new Knee(rps, limitedBy, firstResource, failedFromSecond, failedToSecond, reason, failedAtRps);
        }
    }

    /**
     * Why the knee is what it is. Only {@link #FOUND} and {@link #NONE_FAILED} have a rate; the others say
     * why the run found none, so that no rendering claims a knee that was not found.
     */
    public enum KneeReason {
        /** A window failed above one that held: the knee is the rate that held. */
        FOUND,
        /** No window failed: capacity is at least the knee, the run did not reach the limit. */
        NONE_FAILED,
        /** The lowest measured window already failed. */
        LOWEST_FAILED,
        /** A window failed, and none below it held (settled, with enough samples). */
        NO_PASS_BELOW_FAILURE,
        /** No window failed, and none held settled with enough samples to show it. */
        NOT_SHOWN,
        /** Every judged window was generator-limited: the platform was not measured. */
        ALL_GENERATOR_LIMITED,
        /** No window was judged: every phase was left unjudged, or none had a second to judge. */
        NOTHING_JUDGED
    }

    /**
     * One phase. Statistics exclude the first {@code settleSeconds} of the phase (they are still
     * drawn in the charts). Rates are requests per second; latencies milliseconds; errorRate a
     * fraction (errors ÷ requests, where the expected 403 NOT_READY at enter is not an error).
     *
     * @param slos the SLOs judged over the phase's judged seconds; empty for a phase not judged
     * @param pass every SLO held, with enough samples, and the generator kept up ({@link PhaseOutcome#PASS})
     * @param generatorLimited the generator fell behind in some judged second
     * @param judged false for a phase shown but counted in no verdict and no knee (a warm-up); files written
     *     before it read as judged
     * @param outcome what the phase shows; files written before it read as PASS or FAIL by {@code pass}
     * @param settling the trend test over a step's judged seconds; null when none was made (a ramp, a phase
     *     not judged, fewer than 3 judged seconds, or a file written before it)
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
            List<ResourceResult> resources,
            @Nullable Boolean judged,
            @Nullable PhaseOutcome outcome,
            @Nullable Settling settling) {

        /** A judged phase whose outcome follows from {@code pass} (hand-made, or as files before the outcome). */
        public PhaseReport(
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
            this(
                    name,
                    startSecond,
                    endSecond,
                    settleSeconds,
                    offeredRps,
                    sentRps,
                    achievedRps,
                    requests,
                    p50Ms,
                    p95Ms,
                    p99Ms,
                    maxMs,
                    errorRate,
                    errorsByKind,
                    slos,
                    pass,
                    generatorLimited,
                    resources,
                    null,
                    null,
                    null);
        }

        public PhaseReport {
            // Runs without platform series (and older files) judge no resources.
            resources = resources == null ? List.of() : resources;
            judged = judged == null || judged;
            if (outcome == null) {
                outcome = pass ? PhaseOutcome.PASS : PhaseOutcome.FAIL;
            }
        }

        /** False only when the trend test showed the latency still rising through the judged seconds. */
        public boolean settled() {
            return settling == null || settling.settled();
        }
    }

    /**
     * What a phase shows, in order of precedence: not judged; a failed SLO (FAIL, even where the generator
     * fell behind, which the phase also says); the generator behind (NOT_MEASURED: its rate was not
     * offered, so a held SLO says nothing); an SLO that neither held nor failed with confidence
     * (TOO_FEW_SAMPLES); else PASS.
     */
    public enum PhaseOutcome {
        PASS,
        FAIL,
        TOO_FEW_SAMPLES,
        NOT_MEASURED,
        NOT_JUDGED
    }

    /**
     * The trend test of a step: the p99 of the first and of the last third of its judged seconds, and
     * whether the latency had settled (see {@code report.judge.SettledCheck} for the rule).
     */
    public record Settling(double firstThirdP99Ms, double lastThirdP99Ms, boolean settled) {}

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

    /**
     * One SLO judged in one phase or window: {@code value < threshold} must hold, and for a percentile
     * with confidence: it passes when its upper confidence bound is below the threshold, fails when its
     * lower bound is at or above it, and rests on too few samples when the bounds straddle it.
     *
     * @param pass the outcome is PASS
     * @param outcome files written before it read as PASS or FAIL by {@code pass}
     * @param samples the responses the value rests on (0 in files written before it)
     * @param lowerBound a percentile's lower confidence bound (at {@link #CONFIDENCE}), in the metric's unit; null when no
     *     sample bounds it from below, and for metrics that are not percentiles
     * @param upperBound the upper bound likewise; null when too few samples bound it from above
     */
    public record SloResult(
            String name,
            String metric,
            double threshold,
            double value,
            boolean pass,
            @Nullable SloOutcome outcome,
            long samples,
            @Nullable Double lowerBound,
            @Nullable Double upperBound) {

        /**
         * The confidence of the bounds, two-sided: a threshold check then errs on either side at most
         * 2.5 % of the time, the usual level for a yes/no decision from one run.
         */
        public static final double CONFIDENCE = 0.95;

        /** A result judged by its value alone (hand-made, or as files before confidence bounds read). */
        public SloResult(String name, String metric, double threshold, double value, boolean pass) {
            this(name, metric, threshold, value, pass, null, 0, null, null);
        }

        public SloResult {
            if (outcome == null) {
                outcome = pass ? SloOutcome.PASS : SloOutcome.FAIL;
            }
        }
    }

    /** An SLO's result: held, failed, or neither with confidence because it rests on too few samples. */
    public enum SloOutcome {
        PASS,
        FAIL,
        TOO_FEW_SAMPLES
    }

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
