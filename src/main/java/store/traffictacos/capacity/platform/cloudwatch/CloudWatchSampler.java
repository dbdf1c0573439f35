package store.traffictacos.capacity.platform.cloudwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * ElastiCache metrics from CloudWatch while a run goes on. CloudWatch publishes a datapoint minutes
 * after its period, so each {@link #sample} reads again the last few minutes (and back to the
 * newest datapoint already returned, should sampling have stalled longer) and returns only the
 * datapoints not returned before, each stamped with the start of its CloudWatch period rather than
 * the sampling instant. A period still under way is held back: its sum or average is not final.
 * A datapoint that shows up after a later one of the same series was returned is dropped.
 */
public final class CloudWatchSampler implements PlatformSampler {
    /** Covers CloudWatch's usual publishing delay. */
    static final Duration MIN_LOOKBACK = Duration.ofMinutes(5);

    static final int LOOKBACK_PERIODS = 5;

    private static final long NONE = Long.MIN_VALUE;

    private final ElastiCacheMetrics metrics;
    private final long periodMs;
    private final long lookbackMs;
    private final Map<String, Long> lastReturned = new HashMap<>();
    /** The newest rather than the oldest: a series that stopped (a node replaced) must not hold the window open. */
    private long newestReturned = NONE;

    /** Does not call AWS yet. */
    public CloudWatchSampler(CloudWatchSettings settings) {
        this(new ElastiCacheMetrics(settings));
    }

    CloudWatchSampler(ElastiCacheMetrics metrics) {
        this.metrics = metrics;
        this.periodMs = metrics.settings().period().toMillis();
        this.lookbackMs = Math.max(MIN_LOOKBACK.toMillis(), LOOKBACK_PERIODS * periodMs);
    }

    @Override
    public String source() {
        return ElastiCacheMetrics.SOURCE;
    }

    /** The datapoints of finished periods not returned before; {@code epochMs} is now. Never throws. */
    @Override
    public synchronized List<PlatformSample> sample(long epochMs) {
        long from = epochMs - lookbackMs;
        if (newestReturned != NONE) {
            from = Math.min(from, newestReturned);
        }
        List<PlatformSample> fresh = new ArrayList<>();
        for (PlatformSample datapoint : metrics.fetch(from, epochMs)) {
            Long last = lastReturned.get(datapoint.series());
            boolean periodOver = datapoint.epochMs() + periodMs <= epochMs;
            if (periodOver && (last == null || datapoint.epochMs() > last)) {
                fresh.add(datapoint);
                lastReturned.put(datapoint.series(), datapoint.epochMs());
                newestReturned = Math.max(newestReturned, datapoint.epochMs());
            }
        }
        return fresh;
    }

    @Override
    public Optional<String> unavailableReason() {
        return metrics.unavailableReason();
    }

    @Override
    public void close() {
        metrics.close();
    }

    @Override
    public String toString() {
        return "CloudWatchSampler[" + metrics.settings() + "]";
    }
}
