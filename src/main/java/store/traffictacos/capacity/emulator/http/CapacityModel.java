package store.traffictacos.capacity.emulator.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The target's known capacity, the ground truth that knee detection is checked against.
 *
 * <p>Model: one FIFO server that starts at most {@code capacityRps} requests per second, each
 * start spaced exactly {@code 1/capacityRps} after the previous one, followed by a fixed
 * {@code serviceTime} delay for every request. A request arriving at {@code t} starts at
 * {@code s = max(t, previous start + 1/capacityRps)} and is answered at {@code s + serviceTime}
 * (plus the handler's own few microseconds). When {@code s - t} would exceed
 * {@code queueLimit / capacityRps} (more than {@code queueLimit} requests already waiting), the
 * request is answered 503 at once and takes no slot. With {@code capacityRps == 0} there is no
 * queue: every request is answered after {@code serviceTime}.
 *
 * <p>So below capacity latency is {@code serviceTime}; above it the achieved rate is exactly
 * {@code capacityRps}, waits grow at {@code (offered - capacity) / capacity} seconds per second
 * until they reach {@code queueLimit / capacityRps}, and the excess is then answered 503.
 */
public final class CapacityModel {
    /** Answer of {@link #admit(long)} when the queue is full. */
    public static final long REJECTED = -1;

    private final long intervalNanos;
    private final long serviceTimeNanos;
    private final long maxWaitNanos;
    private final AtomicLong nextStartNanos = new AtomicLong(Long.MIN_VALUE);

    public CapacityModel(double capacityRps, long serviceTimeNanos, int queueLimit) {
        if (capacityRps < 0 || serviceTimeNanos < 0 || queueLimit < 0) {
            throw new IllegalArgumentException("capacity, service time and queue limit must be >= 0");
        }
        this.intervalNanos = capacityRps == 0 ? 0 : Math.max(1, Math.round(1e9 / capacityRps));
        this.serviceTimeNanos = serviceTimeNanos;
        this.maxWaitNanos = intervalNanos * queueLimit;
    }

    /**
     * Claims a service slot for a request arriving at {@code nowNanos} ({@link System#nanoTime()}).
     *
     * @return nanoseconds from now until the request is to be answered, or {@link #REJECTED}
     */
    public long admit(long nowNanos) {
        if (intervalNanos == 0) {
            return serviceTimeNanos;
        }
        while (true) {
            long next = nextStartNanos.get();
            long start = next == Long.MIN_VALUE || next - nowNanos < 0 ? nowNanos : next;
            long wait = start - nowNanos;
            if (wait > maxWaitNanos) {
                return REJECTED;
            }
            if (nextStartNanos.compareAndSet(next, start + intervalNanos)) {
                return wait + serviceTimeNanos;
            }
        }
    }

    /** Requests admitted that have not started service yet, at {@code nowNanos}. */
    public long queued(long nowNanos) {
        long next = nextStartNanos.get();
        if (intervalNanos == 0 || next == Long.MIN_VALUE || next - nowNanos <= 0) {
            return 0;
        }
        return (next - nowNanos) / intervalNanos;
    }
}
