package store.traffictacos.capacity.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs samplers every {@code period} on one daemon thread, from {@link #start()} (one sample
 * right away) until {@link #stop()}, keeping the samples in memory (at most {@code maxSamples};
 * later ones are counted in {@link #dropped()} instead). Sampler failures never escape: a sampler
 * that is unavailable (or throws, against its contract) is recorded in {@link #unavailable()}
 * with its last reason. Single use: start once, stop once.
 */
public final class SamplingSchedule implements AutoCloseable {
    /** Enough for hours of many series at a few seconds' period. */
    public static final int DEFAULT_MAX_SAMPLES = 2_000_000;
    /** How long {@link #stop()} waits for a sampling in progress to end. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final List<PlatformSampler> samplers;
    private final Duration period;
    private final LongSupplier clock;
    private final int maxSamples;
    private final List<PlatformSample> samples = new ArrayList<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private long dropped;
    private ScheduledExecutorService executor;
    private boolean stopped;

    /** Samples every {@code period} stamped with {@link System#currentTimeMillis()}. */
    public SamplingSchedule(List<? extends PlatformSampler> samplers, Duration period) {
        this(samplers, period, System::currentTimeMillis, DEFAULT_MAX_SAMPLES);
    }

    /**
     * @param clock      the run's clock, epoch milliseconds, stamped on every sample
     * @param maxSamples how many samples to keep at most
     */
    public SamplingSchedule(
            List<? extends PlatformSampler> samplers, Duration period, LongSupplier clock, int maxSamples) {
        this.samplers = List.copyOf(samplers);
        this.period = Objects.requireNonNull(period, "period");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("sampling period must be positive: " + period);
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be positive: " + maxSamples);
        }
        this.maxSamples = maxSamples;
    }

    /** Takes the first sample now and then one every period, on a daemon thread. */
    public synchronized SamplingSchedule start() {
        if (executor != null) {
            throw new IllegalStateException("sampling schedule already started");
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tacos-platform-sampler");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor = pool;
        executor.scheduleAtFixedRate(this::sampleAll, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /**
     * Stops sampling: no sampler is called once this returns (it waits up to 10 s for a
     * sampling in progress). Idempotent. Does not close the samplers.
     */
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            stopped = true;
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void sampleAll() {
        for (PlatformSampler sampler : samplers) {
            synchronized (this) {
                if (stopped) {
                    return;
                }
            }
            long now = clock.getAsLong();
            List<PlatformSample> taken;
            String reason;
            try {
                taken = sampler.sample(now);
                reason = sampler.unavailableReason().orElse(null);
            } catch (RuntimeException e) {
                taken = List.of();
                reason = sampler.source() + " sampler failed: " + e.getClass().getSimpleName();
            }
            synchronized (this) {
                for (PlatformSample sample : taken) {
                    if (samples.size() < maxSamples) {
                        samples.add(sample);
                    } else {
                        dropped++;
                    }
                }
                if (reason != null) {
                    unavailable.put(sampler.source(), reason);
                }
            }
        }
    }

    /** The samples so far, in the order taken. */
    public synchronized List<PlatformSample> samples() {
        return List.copyOf(samples);
    }

    /** Sources that were unavailable at least once, with the last reason given. */
    public synchronized Map<String, String> unavailable() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /** Samples not kept because {@code maxSamples} was reached. */
    public synchronized long dropped() {
        return dropped;
    }
}
