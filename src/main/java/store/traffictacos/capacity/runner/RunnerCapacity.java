package store.traffictacos.capacity.runner;

/**
 * What one runner can push, as measured by {@code bench/run} (BENCHMARKS.md, sections 1 and 6): the one
 * place the controller's default share and every runner's limits come from. {@code RunnerCapacityTest}
 * keeps these figures equal to a full run's in BENCHMARKS.md, so a new measurement changes them here.
 */
public final class RunnerCapacity {
    /**
     * The highest exact open-model rate one runner sustained on 2 cores in a fresh JVM, ramped in as a
     * run starts it, with the nginx stub sharing the machine. A share above it is refused: past it the
     * latencies would be the runner's own, not the platform's.
     */
    public static final double SUSTAINED_RPS = 28_000;

    /**
     * What one runner pod (2 vCPU) is given by default: two thirds of {@link #SUSTAINED_RPS}, rounded down
     * to 500, leaving room for its GC and the node's daemons. A literal, as the CLI's help text is an
     * annotation; {@code RunnerCapacityTest} checks the rule.
     */
    public static final double DEFAULT_SHARE_RPS = 18_500;

    /**
     * The mean platform latency up to which a runner keeps its whole share in flight by default. An open
     * model must keep sending while the platform slows down (that is where the knee is); at 5× the p99
     * SLO the phase has failed anyway, and a stalled platform then shows as the generator falling behind
     * instead of a runner out of sockets.
     */
    public static final double IN_FLIGHT_LATENCY_SECONDS = 0.5;

    /** The fewest requests (so connections) a runner may keep outstanding by default, whatever its rate. */
    public static final int MIN_MAX_IN_FLIGHT = 2_000;

    private RunnerCapacity() {
    }

    /** Requests a runner whose share peaks at {@code peakRps} may keep outstanding by default. */
    public static int defaultMaxInFlight(double peakRps) {
        return (int) Math.max(MIN_MAX_IN_FLIGHT, Math.ceil(peakRps * IN_FLIGHT_LATENCY_SECONDS));
    }
}
