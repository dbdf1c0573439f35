package store.traffictacos.capacity.results;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One runner's results as read back by {@link ResultsFiles#read}: its manifest, its response-time
 * series (µs) and the requests it sent in each second; immutable.
 */
public final class RunnerResults {
    private final Manifest manifest;
    private final SortedMap<SeriesKey, LatencyCounts> series;
    private final long[] sentPerSecond;
    private final double[] cpuPerSecond;

    RunnerResults(Manifest manifest, Map<SeriesKey, LatencyCounts> series, long[] sentPerSecond,
            double[] cpuPerSecond) {
        this.manifest = manifest;
        this.series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
        this.sentPerSecond = sentPerSecond.clone();
        this.cpuPerSecond = cpuPerSecond.clone();
    }

    public Manifest manifest() {
        return manifest;
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
}
