package store.traffictacos.capacity.simulations.run;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.simulations.runtime.DescriptorGauge;

/**
 * Samples this runner's CPU (share of its cores used by this JVM) and its requests in flight a few times a
 * second into the results file, so the report can tell a runner short of CPU from a slow platform, and the
 * benchmark what a runner held outstanding. With the embedded target the JVM also serves the load, so the
 * CPU reading is the whole laptop run's.
 */
final class CpuSampler implements AutoCloseable {
    private static final long EVERY_MS = 250;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tacos-cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** The last reading (0..1 of the JVM's cores); negative before the first or where unavailable. */
    private volatile double last = -1;

    /** @param descriptors read at every sample too, so a failure knows whether the runner had a descriptor left */
    void start(ResultsRecorder recorder, IntSupplier inFlight, DescriptorGauge descriptors) {
        timer.scheduleAtFixedRate(
                () -> {
                    long now = System.currentTimeMillis();
                    double load = os.getProcessCpuLoad();
                    if (load >= 0) { // negative: not available on this platform
                        last = Math.min(1, load);
                        recorder.runnerCpu(now, last);
                    }
                    recorder.inFlight(now, inFlight.getAsInt());
                    descriptors.sample();
                },
                0,
                EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    double last() {
        return last;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
