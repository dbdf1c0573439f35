package store.traffictacos.capacity.simulations.runtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lines the measured load up with the run's start instant, whatever moment Gatling began injecting.
 * Gatling lays injection out from its own start, which comes 0.1–0.5 s after it is asked for
 * (more when several runner JVMs share the cores), so runners started on one instant would still
 * start their load apart. Instead the measured users are injected a little early and each waits
 * the same delay: the one that makes the first of them send at the start instant. Arrivals keep
 * their spacing; the whole schedule moves to the instant.
 */
public final class StartGate {
    /** How early the measured users are injected: above Gatling's start-up delay seen under load. */
    public static final Duration EARLY = Duration.ofSeconds(1);

    private final LongSupplier startAtEpochMs;
    private final LongSupplier clock;
    // Read by every measured arrival: volatile, so only the first ones take the lock.
    private volatile long delayMs = -1;

    /** @param startAtEpochMs the start instant, read when the first measured user arrives */
    public StartGate(LongSupplier startAtEpochMs, LongSupplier clock) {
        this.startAtEpochMs = startAtEpochMs;
        this.clock = clock;
    }

    /** The wait before a measured user's request, in ms: fixed by the first user to ask, 0 if it came late. */
    public long delayMs() {
        long fixed = delayMs;
        if (fixed < 0) {
            synchronized (this) {
                if (delayMs < 0) {
                    delayMs = Math.max(0, startAtEpochMs.getAsLong() - clock.getAsLong());
                }
                fixed = delayMs;
            }
        }
        return fixed;
    }
}
