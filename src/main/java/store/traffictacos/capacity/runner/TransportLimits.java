package store.traffictacos.capacity.runner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this machine lets one runner hold open towards one target address: the file descriptors its JVM
 * may still open, and the local ports the kernel hands out for outgoing connections (one per connection
 * to the same address and port).
 *
 * @param freeFileDescriptors descriptors this JVM may still open, less a reserve for everything else it opens
 * @param ephemeralPorts local ports for outgoing connections ({@code net.ipv4.ip_local_port_range})
 */
public record TransportLimits(long freeFileDescriptors, long ephemeralPorts) {
    /** Descriptors kept for the JVM's own files, Gatling, the platform samplers and the results. */
    static final long RESERVED_FILE_DESCRIPTORS = 1_000;
    /** Linux's default {@code net.ipv4.ip_local_port_range}, 32768–60999, when the range cannot be read. */
    static final long DEFAULT_EPHEMERAL_PORTS = 60_999 - 32_768 + 1;

    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    public TransportLimits {
        if (freeFileDescriptors < 0 || ephemeralPorts < 0) {
            throw new IllegalArgumentException("limits must not be negative: " + freeFileDescriptors + " descriptors, "
                    + ephemeralPorts + " ports");
        }
    }

    /** This JVM's and this machine's limits, read now. */
    public static TransportLimits ofThisJvm() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long free = Long.MAX_VALUE;
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            free = Math.max(
                    0,
                    unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - RESERVED_FILE_DESCRIPTORS);
        }
        return new TransportLimits(free, portRange());
    }

    private static long portRange() {
        try {
            String[] range = Files.readString(PORT_RANGE).strip().split("\\s+");
            return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        } catch (IOException | RuntimeException notLinux) {
            return DEFAULT_EPHEMERAL_PORTS;
        }
    }
}
