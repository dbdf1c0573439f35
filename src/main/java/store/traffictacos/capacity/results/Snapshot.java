package store.traffictacos.capacity.results;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One runner's results at one instant, as taken by {@link ResultsRecorder#snapshot()}; immutable. */
public final class Snapshot {
    private final long startEpochMs;
    private final SortedMap<SeriesKey, LatencyCounts> series;
    private final long[] sentPerSecond;
    private final double[] cpuPerSecond;

    Snapshot(long startEpochMs, Map<SeriesKey, LatencyCounts> series, long[] sentPerSecond, double[] cpuPerSecond) {
        this.startEpochMs = startEpochMs;
        this.series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
        this.sentPerSecond = sentPerSecond.clone();
        this.cpuPerSecond = cpuPerSecond.clone();
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    /** Response times (µs) by (second of sending, endpoint, outcome), in that order. */
    public SortedMap<SeriesKey, LatencyCounts> series() {
        return series;
    }

    /** Requests sent in each second since the start; index = second. */
    public long[] sentPerSecond() {
        return sentPerSecond.clone();
    }

    /** The runner's busiest CPU share in each second since the start; NaN where none was taken. */
    public double[] cpuPerSecond() {
        return cpuPerSecond.clone();
    }

    /** Responses recorded, over all series. */
    public long recorded() {
        return series.values().stream().mapToLong(LatencyCounts::totalCount).sum();
    }
}
