package store.traffictacos.capacity.results;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What one second of sending produced: how many requests went out, and their latency series. */
final class SecondBucket {
    private final LongAdder sent = new LongAdder();
    /**
     * The runner's CPU readings in this second (shares of its cores), added up and counted: a second's CPU is
     * their mean. The busiest reading alone would call a second short of CPU for one quarter second of GC or
     * compilation, in which the runner still sent its schedule on time.
     */
    private double cpuSum;

    private int cpuReadings;
    /** Connections the runner opened in this second. */
    private final LongAdder connectionsOpened = new LongAdder();
    /** The most requests the runner had outstanding at a reading in this second; -1 when none was taken. */
    private long peakInFlight = -1;
    /** endpoint, then outcome: two lookups by the caller's own strings, so recording allocates no key. */
    private final Map<String, Map<String, LiveSeries>> seriesByEndpoint = new ConcurrentHashMap<>();

    void countSent() {
        sent.increment();
    }

    long sent() {
        return sent.sum();
    }

    synchronized void cpu(double busyShare) {
        cpuSum += busyShare;
        cpuReadings++;
    }

    /** The mean of the second's readings; NaN when none was taken. */
    synchronized double cpu() {
        return cpuReadings == 0 ? Double.NaN : cpuSum / cpuReadings;
    }

    void countConnectionOpened() {
        connectionsOpened.increment();
    }

    long connectionsOpened() {
        return connectionsOpened.sum();
    }

    synchronized void inFlight(long requests) {
        peakInFlight = Math.max(peakInFlight, requests);
    }

    synchronized long peakInFlight() {
        return peakInFlight;
    }

    LiveSeries series(String endpoint, String outcome) {
        // get() first: computeIfAbsent may lock the bin even when the entry exists.
        Map<String, LiveSeries> byOutcome = seriesByEndpoint.get(endpoint);
        if (byOutcome == null) {
            byOutcome = seriesByEndpoint.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>());
        }
        LiveSeries series = byOutcome.get(outcome);
        if (series == null) {
            series = byOutcome.computeIfAbsent(outcome, o -> new LiveSeries());
        }
        return series;
    }

    void copyInto(long second, Map<SeriesKey, LatencyCounts> target) {
        seriesByEndpoint.forEach((endpoint, byOutcome) -> byOutcome.forEach(
                (outcome, series) -> target.put(new SeriesKey(second, endpoint, outcome), series.copy())));
    }
}
