package store.traffictacos.capacity.platform.local;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * This JVM's CPU, heap and threads: on a laptop run the embedded target lives here, so its
 * resources sit beside the latency charts as a platform's would.
 */
public final class LocalProcessSampler implements PlatformSampler {
    public static final String SOURCE = "local";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<PlatformSample> sample(long epochMs) {
        double cpu = os.getProcessCpuLoad();
        List<PlatformSample> samples = new ArrayList<>(List.of(
                new PlatformSample(
                        SOURCE,
                        "heap_used",
                        epochMs,
                        memory.getHeapMemoryUsage().getUsed(),
                        "bytes"),
                new PlatformSample(SOURCE, "threads", epochMs, threads.getThreadCount(), "threads")));
        if (cpu >= 0) { // negative: not available on this platform
            samples.add(new PlatformSample(SOURCE, "cpu_pct", epochMs, cpu * 100, "%"));
        }
        return samples;
    }
}
