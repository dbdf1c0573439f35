package store.traffictacos.capacity.report.judge;

import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.results.Outcomes;

/**
 * What a window of whole seconds measured: scheduled, sent and answered requests (by second of
 * sending), latency percentiles of every answered request (ms) with their confidence bounds, and
 * errors by kind.
 *
 * @param generatorLimited in some second of the window the load test fell short: it sent fewer than the
 *     behind ratio of its schedule, a runner was short of CPU, or it met its own limit
 * @param ownLimitMet in some second of the window requests failed at the load test's own limit: the
 *     platform's per-client limit refused its address (a 429 with its bucket empty), or a runner could not
 *     open a connection for want of a file descriptor; the window's errors say nothing of capacity
 * @param p50Bounds the confidence bounds of p50; null when not computed (a timeline second)
 * @param notReady answers that were the expected 403 NOT_READY (not errors)
 */
public record Measurement(
        long seconds,
        long scheduled,
        long sent,
        long requests,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        double maxMs,
        SortedMap<String, Long> errorsByKind,
        boolean generatorLimited,
        boolean ownLimitMet,
        @Nullable QuantileBounds p50Bounds,
        @Nullable QuantileBounds p95Bounds,
        @Nullable QuantileBounds p99Bounds,
        long notReady) {

    public double offeredRps() {
        return perSecond(scheduled);
    }

    public double sentRps() {
        return perSecond(sent);
    }

    public double achievedRps() {
        return perSecond(requests);
    }

    long errors() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Errors ÷ requests; 0 without requests, since there is no failure to report. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors() / requests;
    }

    double value(Metric metric) {
        return switch (metric) {
            case P50_MS -> p50Ms;
            case P95_MS -> p95Ms;
            case P99_MS -> p99Ms;
            case MAX_MS -> maxMs;
            case ERROR_RATE -> errorRate();
            case TIMEOUT_RATE -> share(errorsByKind.getOrDefault(Outcomes.TIMEOUT, 0L));
            case NOT_READY_RATE -> share(notReady);
            case JOURNEY_COMPLETION, PURCHASE_COMPLETION, ADMISSION_P95_S ->
                throw new IllegalArgumentException(metric.key() + " is judged on the purchase funnel, not on requests");
        };
    }

    /** The confidence bounds of a percentile metric; null for the others (max, error rate). */
    @Nullable
    QuantileBounds bounds(Metric metric) {
        return switch (metric) {
            case P50_MS -> p50Bounds;
            case P95_MS -> p95Bounds;
            case P99_MS -> p99Bounds;
            case MAX_MS,
                    ERROR_RATE,
                    TIMEOUT_RATE,
                    NOT_READY_RATE,
                    JOURNEY_COMPLETION,
                    PURCHASE_COMPLETION,
                    ADMISSION_P95_S -> null;
        };
    }

    /** {@code count} ÷ requests; 0 without requests. */
    private double share(long count) {
        return requests == 0 ? 0 : (double) count / requests;
    }

    private double perSecond(long count) {
        return seconds == 0 ? 0 : (double) count / seconds;
    }
}
