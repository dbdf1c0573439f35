package store.traffictacos.capacity.runner;

import java.time.Duration;
import java.util.Locale;

/**
 * How many requests a runner may have outstanding, and why. By Little's law a runner offered at most
 * {@code R} req/s whose requests end after at most the request timeout {@code T} never has more than
 * {@code R × T} outstanding: that is its budget, so a platform that slows down (up to the timeout) never
 * makes the runner send less than its schedule. Only what the transport can hold caps it: over HTTP/1.1
 * every outstanding request is a connection (a file descriptor, and a local port towards one address),
 * over HTTP/2 a connection carries {@value #STREAMS_PER_CONNECTION} streams. An arrival over the bound
 * sends nothing and counts as the generator falling behind, which the report flags as the generator's.
 *
 * @param limit requests outstanding at most
 * @param reasoning one line: where the figure comes from
 */
public record InFlightBudget(int limit, String reasoning) {
    /** {@code runner.max.in.flight} 0: the budget follows the share and the request timeout. */
    public static final int BY_TIMEOUT = 0;

    /** Streams per HTTP/2 connection: the production ALB's limit, which the reference target also sets. */
    public static final int STREAMS_PER_CONNECTION = 128;

    /**
     * Arrivals are spread evenly, so requests sent within one timeout are {@code R × T} give or take one; the
     * margin covers a ramp's next second and the moment between a request's timeout and its release.
     */
    static final double MARGIN = 1.1;

    public InFlightBudget {
        if (limit < 1) {
            throw new IllegalArgumentException("in-flight limit must be at least 1, got " + limit);
        }
    }

    /**
     * @param settings what the runner was told ({@code runner.max.in.flight}, timeout, HTTP version)
     * @param sharePeakRps this runner's highest rate
     * @param limits what the machine lets this JVM hold
     * @param descriptorsPerConnection 2 when the target runs in this JVM too (it holds the other end)
     */
    public static InFlightBudget of(
            RunnerSettings settings, double sharePeakRps, TransportLimits limits, int descriptorsPerConnection) {
        if (settings.maxInFlight() != BY_TIMEOUT) {
            return new InFlightBudget(
                    settings.maxInFlight(),
                    String.format(
                            Locale.ROOT, "in-flight bound %,d, set by -Drunner.max.in.flight", settings.maxInFlight()));
        }
        Duration timeout = settings.transport().requestTimeout();
        HttpVersion version = settings.transport().httpVersion();
        long wanted = (long) Math.ceil(sharePeakRps * timeout.toMillis() / 1000.0 * MARGIN - 1e-6);
        long connections = Math.min(limits.freeFileDescriptors() / descriptorsPerConnection, limits.ephemeralPorts());
        long held = version == HttpVersion.HTTP_2 ? saturatedProduct(connections, STREAMS_PER_CONNECTION) : connections;
        String transport = String.format(
                Locale.ROOT,
                "%s holds %,d (%,d connections: %,d free file descriptors%s, %,d local ports to one address%s)",
                version,
                held,
                connections,
                limits.freeFileDescriptors(),
                descriptorsPerConnection > 1 ? " for both ends" : "",
                limits.ephemeralPorts(),
                version == HttpVersion.HTTP_2
                        ? "; × " + STREAMS_PER_CONNECTION + " streams each"
                        : "; one request each");
        String little = String.format(
                Locale.ROOT,
                "%,.0f req/s × %s request timeout + %.0f %% = %,d",
                sharePeakRps,
                seconds(timeout),
                (MARGIN - 1) * 100,
                wanted);
        if (wanted <= held) {
            return new InFlightBudget(
                    (int) Math.max(1, wanted),
                    "in-flight bound " + String.format(Locale.ROOT, "%,d", Math.max(1, wanted)) + ": " + little
                            + "; the transport " + transport);
        }
        int capped = (int) Math.max(1, Math.min(held, Integer.MAX_VALUE));
        return new InFlightBudget(
                capped,
                String.format(Locale.ROOT, "in-flight bound %,d, capped by the transport: ", capped) + little
                        + ", but " + transport
                        + "; a platform slower than that sends fewer requests than scheduled (reported as the "
                        + "generator's)");
    }

    private static long saturatedProduct(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
