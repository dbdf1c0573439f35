package store.traffictacos.capacity.controller.setup;

import java.util.Locale;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.runner.RunnerCapacity;

/**
 * Whether this machine can hold the runner JVMs of a local run. A runner needs the cores its share of
 * the peak rate takes at the rate one core sustained in {@code bench/run} ({@link RunnerCapacity#SUSTAINED_RPS}
 * on {@value #BENCH_CORES} cores), and never less than {@value #MIN_CORES_PER_RUNNER} of a core: a runner JVM
 * at a few requests per second still starts Gatling, warms up and records. Runners crowded onto fewer cores
 * would fall behind their schedule, and the report would blame the generator for the whole run.
 *
 * @param cores the cores this machine has
 */
record LocalRoom(int cores) {
    /** The cores of the runner that {@link RunnerCapacity#SUSTAINED_RPS} was measured on. */
    static final int BENCH_CORES = 2;

    static final double MIN_CORES_PER_RUNNER = 0.5;

    static LocalRoom ofThisMachine() {
        return new LocalRoom(Runtime.getRuntime().availableProcessors());
    }

    /** The cores one runner needs for {@code shareRps}. */
    static double coresFor(double shareRps) {
        return Math.max(MIN_CORES_PER_RUNNER, shareRps / (RunnerCapacity.SUSTAINED_RPS / BENCH_CORES));
    }

    /** @throws IllegalArgumentException one line with the numbers and the ways out, when the runners do not fit */
    void check(LoadProfile profile, int runners) {
        double share = profile.peakRps() / runners;
        double each = coresFor(share);
        double needed = each * runners;
        if (needed <= cores + 1e-9) {
            return;
        }
        throw new IllegalArgumentException(String.format(
                Locale.ROOT,
                "the local backend cannot hold %d runner JVMs on this machine: each needs %.1f core(s) for %,.0f req/s "
                        + "(%,.0f req/s per core, at least %.1f), %.1f in all, and it has %d; use a smaller profile "
                        + "(--profile smoke or local) or fewer --runners, or --backend kubernetes",
                runners,
                each,
                share,
                RunnerCapacity.SUSTAINED_RPS / BENCH_CORES,
                MIN_CORES_PER_RUNNER,
                needed,
                cores));
    }
}
