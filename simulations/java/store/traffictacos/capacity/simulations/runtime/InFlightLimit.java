package store.traffictacos.capacity.simulations.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds a runner's requests in flight, and so its connections: Gatling's shared pool opens one
 * connection per outstanding request, so a platform that stalls would otherwise make a runner
 * open thousands of sockets and fail on its own account. An arrival over the bound sends nothing;
 * the runner's sent count falls below its schedule and the report flags those seconds as the
 * generator's, not the platform's.
 */
public final class InFlightLimit {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("runner.max.in.flight must be >= 1, got " + max);
        }
        this.max = max;
    }

    /** Takes a slot, or returns false when {@code max} requests are already in flight. */
    public boolean tryAcquire() {
        while (true) {
            int current = inFlight.get();
            if (current >= max) {
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
}
