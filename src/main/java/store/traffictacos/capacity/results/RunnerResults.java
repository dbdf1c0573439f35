package store.traffictacos.capacity.results;

import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * One runner's results as read back by {@link ResultsFiles#read}: its manifest and what it
 * recorded (response-time series in µs, requests sent and CPU per second); immutable.
 */
public final class RunnerResults {
    private final Manifest manifest;
    private final Snapshot recorded;
    private final @Nullable RunnerTransport transport;

    RunnerResults(Manifest manifest, Snapshot recorded) {
        this(manifest, recorded, null);
    }

    RunnerResults(Manifest manifest, Snapshot recorded, @Nullable RunnerTransport transport) {
        this.manifest = manifest;
        this.recorded = recorded;
        this.transport = transport;
    }

    /** How the runner reached the target (HTTP version, timeout, in-flight budget); null in older files. */
    public @Nullable RunnerTransport transport() {
        return transport;
    }

    /** Connections the runner opened and requests it had outstanding, per second (empty in older files). */
    public Snapshot.Connections connections() {
        return recorded.connections();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Response times (µs) by (second of sending, endpoint, outcome), in that order. */
    public SortedMap<SeriesKey, LatencyCounts> series() {
        return recorded.series();
    }

    /** Requests sent in each second since the start; index = second. */
    public long[] sentPerSecond() {
        return recorded.sentPerSecond();
    }

    /** The runner's busiest CPU share in each second since the start; NaN where none was taken. */
    public double[] cpuPerSecond() {
        return recorded.cpuPerSecond();
    }
}
