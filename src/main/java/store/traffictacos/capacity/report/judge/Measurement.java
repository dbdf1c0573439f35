package store.traffictacos.capacity.report.judge;

import java.util.SortedMap;
import store.traffictacos.capacity.report.settings.SloSet.Metric;

/**
 * What a window of whole seconds measured: scheduled, sent and answered requests (by second of
 * sending), latency percentiles of every answered request (ms), and errors by kind.
 *
 * @param generatorLimited some second of the window sent fewer than the behind ratio of its schedule
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
        boolean generatorLimited) {

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
        };
    }

    private double perSecond(long count) {
        return seconds == 0 ? 0 : (double) count / seconds;
    }
}
