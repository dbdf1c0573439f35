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
    private final Connections connections;

    /**
     * What the runner's transport did in each second since the start (index = second): connections it
     * opened, and the most requests it had outstanding at a reading (-1: no reading). Empty for results
     * written before these were recorded.
     */
    public record Connections(long[] openedPerSecond, long[] peakInFlightPerSecond) {
        public static final Connections NONE = new Connections(new long[0], new long[0]);

        public Connections {
            openedPerSecond = openedPerSecond.clone();
            peakInFlightPerSecond = peakInFlightPerSecond.clone();
        }

        @Override
        public long[] openedPerSecond() {
            return openedPerSecond.clone();
        }

        @Override
        public long[] peakInFlightPerSecond() {
            return peakInFlightPerSecond.clone();
        }

        /** Connections opened over the whole run. */
        public long opened() {
            return java.util.Arrays.stream(openedPerSecond).sum();
        }

        /** The most requests outstanding at any reading; -1 when none was taken. */
        public long peakInFlight() {
            return java.util.Arrays.stream(peakInFlightPerSecond).max().orElse(-1);
        }

        // A record compares arrays by identity.
        @Override
        public boolean equals(Object other) {
            return other instanceof Connections that
                    && java.util.Arrays.equals(openedPerSecond, that.openedPerSecond)
                    && java.util.Arrays.equals(peakInFlightPerSecond, that.peakInFlightPerSecond);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(openedPerSecond) + java.util.Arrays.hashCode(peakInFlightPerSecond);
        }

        @Override
        public String toString() {
            return "Connections[opened=" + java.util.Arrays.toString(openedPerSecond) + ", peakInFlight="
                    + java.util.Arrays.toString(peakInFlightPerSecond) + "]";
        }
    }

    Snapshot(long startEpochMs, Map<SeriesKey, LatencyCounts> series, long[] sentPerSecond, double[] cpuPerSecond) {
        this(startEpochMs, series, sentPerSecond, cpuPerSecond, Connections.NONE);
    }

    Snapshot(
            long startEpochMs,
            Map<SeriesKey, LatencyCounts> series,
            long[] sentPerSecond,
            double[] cpuPerSecond,
            Connections connections) {
        this.startEpochMs = startEpochMs;
        this.series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
        this.sentPerSecond = sentPerSecond.clone();
        this.cpuPerSecond = cpuPerSecond.clone();
        this.connections = connections;
    }

    /** Connections opened and requests outstanding, per second. */
    public Connections connections() {
        return connections;
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
