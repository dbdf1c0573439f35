package store.traffictacos.capacity.results;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Collects one runner's results while the load runs: how many requests were sent in each second,
 * and for every (second of sending, endpoint, outcome) an HDR histogram of response times in
 * microseconds (3 significant digits, no upper limit), see {@link LatencyCounts}.
 *
 * <p>{@link #sent} and {@link #record} are called from the request path of every request, from any
 * number of threads, and allocate nothing once their second and series exist: {@code sent} is an
 * array read and a {@code LongAdder} increment; {@code record} adds two {@code ConcurrentHashMap}
 * lookups and a hash-table increment under the series' own lock (see {@link LiveSeries}
 * for why that one lock). The first use of a second or of a series briefly locks to create it.
 *
 * <p>{@link #snapshot} may run at any time, also while recording goes on (for progress output):
 * each series in it is a consistent copy.
 */
public final class ResultsRecorder {
    /**
     * A send time this far after the start is a units mistake (seconds or nanoseconds passed as
     * milliseconds) rather than a long run; failing beats allocating a bucket array for it.
     */
    static final long MAX_RUN_SECONDS = TimeUnit.DAYS.toSeconds(7);

    private final long startEpochMs;
    private final SecondBuckets seconds = new SecondBuckets();

    /** @param startEpochMs the run's synchronized start: second 0 begins here */
    public ResultsRecorder(long startEpochMs) {
        this.startEpochMs = startEpochMs;
    }

    /** Counts one request sent at {@code sentEpochMs}; requests sent before the start are ignored. */
    public void sent(long sentEpochMs) {
        SecondBucket bucket = bucketOf(sentEpochMs);
        if (bucket != null) {
            bucket.countSent();
        }
    }

    /**
     * Records the response time of a request sent at {@code sentEpochMs} into the series of its
     * second of sending (not of its answer, so a slow second shows up where the load was offered).
     * Requests sent before the start are ignored.
     *
     * @param outcome "ok" or a failure kind such as "http_500", "timeout", "not_ready"
     * @param latencyMicros response time in microseconds, {@code >= 0}
     */
    public void record(long sentEpochMs, String endpoint, String outcome, long latencyMicros) {
        if (latencyMicros < 0) {
            throw new IllegalArgumentException("latency must be >= 0 µs, was " + latencyMicros);
        }
        SecondBucket bucket = bucketOf(sentEpochMs);
        if (bucket != null) {
            bucket.series(endpoint, outcome).record(latencyMicros);
        }
    }

    /**
     * Records how busy the runner's own CPU was at {@code epochMs} (a share of its cores, 0..1), so
     * the report can tell a runner short of CPU from a slow platform; readings before the start are
     * ignored, and a second keeps the mean of its readings.
     */
    public void runnerCpu(long epochMs, double busyShare) {
        if (!(busyShare >= 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("CPU share must be within 0..1, was " + busyShare);
        }
        SecondBucket bucket = bucketOf(epochMs);
        if (bucket != null) {
            bucket.cpu(busyShare);
        }
    }

    /** Counts one connection the runner opened at {@code epochMs}; connections before the start are ignored. */
    public void connectionOpened(long epochMs) {
        SecondBucket bucket = bucketOf(epochMs);
        if (bucket != null) {
            bucket.countConnectionOpened();
        }
    }

    /**
     * Records how many requests the runner had outstanding at {@code epochMs}; a second keeps its highest
     * reading, readings before the start are ignored.
     */
    public void inFlight(long epochMs, long requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests in flight must be >= 0, was " + requests);
        }
        SecondBucket bucket = bucketOf(epochMs);
        if (bucket != null) {
            bucket.inFlight(requests);
        }
    }

    /** A copy of everything recorded so far; later recording does not change it. */
    public Snapshot snapshot() {
        Map<SeriesKey, LatencyCounts> series = new TreeMap<>();
        long[] sentPerSecond = new long[seconds.size()];
        double[] cpuPerSecond = new double[seconds.size()];
        java.util.Arrays.fill(cpuPerSecond, Double.NaN);
        long[] connectionsOpened = new long[seconds.size()];
        long[] peakInFlight = new long[seconds.size()];
        java.util.Arrays.fill(peakInFlight, -1);
        for (int second = 0; second < sentPerSecond.length; second++) {
            SecondBucket bucket = seconds.existing(second);
            if (bucket != null) {
                sentPerSecond[second] = bucket.sent();
                cpuPerSecond[second] = bucket.cpu();
                connectionsOpened[second] = bucket.connectionsOpened();
                peakInFlight[second] = bucket.peakInFlight();
                bucket.copyInto(second, series);
            }
        }
        return new Snapshot(
                startEpochMs,
                series,
                sentPerSecond,
                cpuPerSecond,
                new Snapshot.Connections(connectionsOpened, peakInFlight));
    }

    private @Nullable SecondBucket bucketOf(long sentEpochMs) {
        long offsetMs = sentEpochMs - startEpochMs;
        if (offsetMs < 0) {
            return null;
        }
        long second = offsetMs / 1000;
        if (second >= MAX_RUN_SECONDS) {
            throw new IllegalArgumentException("send time " + sentEpochMs + " is " + second + " s after the start "
                    + startEpochMs + "; expected epoch milliseconds");
        }
        return seconds.get((int) second);
    }
}
