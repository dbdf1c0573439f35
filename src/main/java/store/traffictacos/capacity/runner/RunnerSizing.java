package store.traffictacos.capacity.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import store.traffictacos.capacity.profile.LoadProfile;

/**
 * How many runners a run needs, from both of a runner's limits: the rate it sends exactly
 * ({@code peak ÷ runner rps}) and the requests it holds outstanding while the platform answers slowly
 * ({@code peak × expected latency ÷} what one runner was measured to hold over the chosen HTTP version,
 * {@link RunnerCapacity#inFlightCapacity}). Sizing by rate alone let a run of 30,000 req/s at 1 s latency
 * send a small part of that: the rest waited for runners' slots.
 *
 * @param runners the runners the run uses
 * @param reasoning what {@code run} prints: each limit's figure and which one decided
 */
public record RunnerSizing(int runners, List<String> reasoning) {
    /** The latency {@code run} sizes for unless told otherwise: the platform's p99 under load was seconds. */
    public static final Duration DEFAULT_EXPECTED_LATENCY = Duration.ofSeconds(1);

    public RunnerSizing {
        reasoning = List.copyOf(reasoning);
    }

    /**
     * @param given runners asked for ({@code --runners}); null: derived from both limits
     * @param runnerRps requests/s per runner ({@code --runner-rps})
     */
    public static RunnerSizing of(
            LoadProfile profile, Integer given, double runnerRps, Duration expectedLatency, HttpVersion version) {
        double peak = profile.peakRps();
        double latencySeconds = expectedLatency.toMillis() / 1000.0;
        int capacity = RunnerCapacity.inFlightCapacity(version);
        int byRate = atLeastOne(peak / runnerRps);
        int byLatency = atLeastOne(peak * latencySeconds / capacity);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "by rate: %,.0f req/s at peak ÷ %,.0f req/s per runner = %d runner(s)",
                peak,
                runnerRps,
                byRate));
        lines.add(String.format(
                Locale.ROOT,
                "by latency: %,.0f req/s × %s expected latency = %,.0f requests in flight ÷ %,d per runner "
                        + "(measured over %s) = %d runner(s)",
                peak,
                text(expectedLatency),
                peak * latencySeconds,
                capacity,
                version,
                byLatency));
        if (given != null) {
            double perRunner = peak * latencySeconds / given;
            lines.add(String.format(
                    Locale.ROOT,
                    "given: %d runner(s), each holding %,.0f in flight at that latency%s",
                    given,
                    perRunner,
                    perRunner > capacity
                            ? String.format(
                                    Locale.ROOT,
                                    ": more than the %,d one runner was measured to hold, so at that latency "
                                            + "runners will send less than the profile (use at least %d)",
                                    capacity,
                                    Math.max(byRate, byLatency))
                            : ""));
            return new RunnerSizing(given, lines);
        }
        int runners = Math.max(byRate, byLatency);
        lines.add(String.format(
                Locale.ROOT, "runners: %d (the %s limit)", runners, byLatency > byRate ? "latency" : "rate"));
        return new RunnerSizing(runners, lines);
    }

    private static int atLeastOne(double runners) {
        return (int) Math.max(1, Math.ceil(runners - 1e-9));
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
