package store.traffictacos.capacity.runner;

import java.util.Locale;
import store.traffictacos.capacity.profile.LoadProfile;

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
    public static final double SUSTAINED_RPS = 24_000;

    /**
     * What one runner pod (2 vCPU) is given by default: two thirds of {@link #SUSTAINED_RPS}, rounded down
     * to 500, leaving room for its GC and the node's daemons. A literal, as the CLI's help text is an
     * annotation; {@code RunnerCapacityTest} checks the rule.
     */
    public static final double DEFAULT_SHARE_RPS = 16_000;

    /**
     * Requests (so connections) a runner keeps outstanding at most by default. Bigger is not better:
     * a runner that falls behind for a moment (a GC, its JIT in a fresh JVM) with a bound of half a
     * second of its rate piled up thousands of requests, opened a connection for each and collapsed
     * (p99 in seconds, connection errors) at a rate it held with this bound, which sheds the excess
     * instead and reports it as the generator falling behind. At {@link #DEFAULT_SHARE_RPS} it still
     * allows a platform a mean latency of DEFAULT_MAX_IN_FLIGHT ÷ DEFAULT_SHARE_RPS.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2_000;

    private RunnerCapacity() {
    }

    /**
     * Refuses to split {@code profile} over {@code runners} when a runner's share would peak above
     * {@code maxRps}: past its limit a runner's latencies are its own, not the platform's. Both the
     * controller (before it launches anything) and each runner (with its own {@code runner.max.rps}) ask.
     */
    public static void requireShareWithin(LoadProfile profile, int runners, double maxRps) {
        double perRunner = profile.peakRps() / runners;
        if (perRunner > maxRps) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "profile %s needs %.0f req/s per runner with %d runner(s), above one runner's limit of %.0f "
                            + "req/s: use at least %d runners", profile.name(), perRunner, runners, maxRps,
                    (long) Math.ceil(profile.peakRps() / maxRps - 1e-9)));
        }
    }
}
