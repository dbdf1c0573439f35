package store.traffictacos.capacity.simulations.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bounds a runner's requests in flight at its budget ({@code runner.InFlightBudget}: its share × the request
 * timeout, capped by what the transport holds). Every request ends by its timeout, so the bound is reached
 * only when the transport's cap is lower than that: an arrival over it sends nothing, is counted as shed,
 * and the runner's sent count falls below its schedule, which the report flags as the generator's seconds,
 * not the platform's.
 */
public final class InFlightLimit {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder shed = new LongAdder();

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("runner.max.in.flight must be >= 1, got " + max);
        }
        this.max = max;
    }

    /** Takes a slot, or returns false (and counts the arrival as shed) when {@code max} are already in flight. */
    public boolean tryAcquire() {
        while (true) {
            int current = inFlight.get();
            if (current >= max) {
                shed.increment();
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }

    /** Arrivals that sent nothing because the bound was reached, since the start. */
    public long shed() {
        return shed.sum();
    }
}
