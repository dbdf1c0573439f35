package store.traffictacos.capacity.simulations.run;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import store.traffictacos.capacity.results.ResultsRecorder;

/**
 * Samples this runner's CPU (share of its cores used by this JVM) a few times a second into the
 * results file, so the report can tell a runner short of CPU from a slow platform. With the
 * embedded target the JVM also serves the load, so the reading is the whole laptop run's.
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

    void start(ResultsRecorder recorder) {
        timer.scheduleAtFixedRate(
                () -> {
                    double load = os.getProcessCpuLoad();
                    if (load >= 0) { // negative: not available on this platform
                        recorder.runnerCpu(System.currentTimeMillis(), Math.min(1, load));
                    }
                },
                0,
                EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
