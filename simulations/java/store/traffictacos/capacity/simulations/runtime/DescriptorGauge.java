package store.traffictacos.capacity.simulations.runtime;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.LongSupplier;

/**
 * Whether this JVM has run out of file descriptors. A connection it cannot open then fails in the runner
 * ("Too many open files"), without an answer, exactly as one the platform refused; read when such a request
 * ends, it names the failure the generator's own ({@code out_of_descriptors}), never the platform's. Over
 * HTTP/1.1 Gatling keeps a connection pool per event loop, so the connections open can outgrow the requests
 * in flight, and with them the in-flight budget's share of the descriptors.
 */
public final class DescriptorGauge {
    /** Fewer free descriptors than this at a reading: a connection opened now may well fail for want of one. */
    static final long HEADROOM = 32;

    private final LongSupplier max;
    private final LongSupplier open;
    private volatile boolean exhausted;

    DescriptorGauge(LongSupplier max, LongSupplier open) {
        this.max = max;
        this.open = open;
    }

    /** This JVM's descriptors; one that never reads exhausted where the JVM cannot count them. */
    public static DescriptorGauge ofThisJvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return new DescriptorGauge(unix::getMaxFileDescriptorCount, unix::getOpenFileDescriptorCount);
        }
        return new DescriptorGauge(() -> Long.MAX_VALUE, () -> 0);
    }

    /** Reads the count now (a few times a second: on Linux it lists the JVM's descriptors). */
    public void sample() {
        exhausted = max.getAsLong() - open.getAsLong() < HEADROOM;
    }

    /** At the last reading, the JVM had (almost) no descriptor left. */
    public boolean exhausted() {
        return exhausted;
    }
}
