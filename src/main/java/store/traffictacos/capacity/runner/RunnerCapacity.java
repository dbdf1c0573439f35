package store.traffictacos.capacity.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import store.traffictacos.capacity.profile.LoadProfile;

/**
 * What one runner can push and hold outstanding, as measured by {@code bench/run} (BENCHMARKS.md): the one
 * place the controller's default share and every runner's limits come from. The figures are those of
 * {@code bench/baseline.json}, which a full {@code bench/run} writes and the jar carries beside this class
 * (a runner pod has no {@code bench/} folder); it is read once.
 */
public final class RunnerCapacity {
    /** {@code bench/baseline.json}, as the build copies it beside this class. */
    static final String BASELINE_RESOURCE = "baseline.json";

    private static final JsonNode RUNNER = readBaseline().path("runner");

    /**
     * The highest exact open-model rate one runner sustained on 2 cores in a fresh JVM, ramped in as a
     * run starts it, with the nginx stub sharing the machine. A share above it is refused: past it the
     * latencies would be the runner's own, not the platform's.
     */
    public static final double SUSTAINED_RPS = figure("sustainedRps");

    /**
     * What one runner pod (2 vCPU) is given by default: two thirds of {@link #SUSTAINED_RPS}, rounded down
     * to 500, leaving room for its GC and the node's daemons. A literal, as the CLI's help text is an
     * annotation; {@code RunnerCapacityTest} checks the rule and that it is the baseline's
     * {@code defaultShareRps}.
     */
    public static final double DEFAULT_SHARE_RPS = 10_500;

    /**
     * Requests one runner held outstanding over HTTP/1.1 (a connection each) while sending its rate exactly,
     * measured by {@code bench/run} against the reference target answering in 1 s and 3 s: the highest
     * rate held × that latency. What {@code run} sizes by when the platform is slow ({@link RunnerSizing}).
     */
    public static final int IN_FLIGHT_HTTP_1_1 = (int) inFlight(HttpVersion.HTTP_1_1);

    /** The same over HTTP/2 through TLS, where up to 128 outstanding requests share a connection. */
    public static final int IN_FLIGHT_HTTP_2 = (int) inFlight(HttpVersion.HTTP_2);

    private RunnerCapacity() {}

    /**
     * Refuses to split {@code profile} over {@code runners} when a runner's share would peak above
     * {@code maxRps}: past its limit a runner's latencies are its own, not the platform's. Both the
     * controller (before it launches anything) and each runner (with its own {@code runner.max.rps}) ask.
     */
    public static void requireShareWithin(LoadProfile profile, int runners, double maxRps) {
        double perRunner = profile.peakRps() / runners;
        if (perRunner > maxRps) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "profile %s needs %.0f req/s per runner with %d runner(s), above one runner's limit of %.0f "
                            + "req/s: use at least %d runners",
                    profile.name(),
                    perRunner,
                    runners,
                    maxRps,
                    (long) Math.ceil(profile.peakRps() / maxRps - 1e-9)));
        }
    }

    private static JsonNode readBaseline() {
        try (InputStream in = RunnerCapacity.class.getResourceAsStream(BASELINE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + BASELINE_RESOURCE + " beside " + RunnerCapacity.class.getName()
                        + " on the class path: the build copies bench/baseline.json there");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench/baseline.json from the class path: " + e.getMessage(), e);
        }
    }

    /** Requests one runner was measured to hold outstanding over {@code version} while keeping its rate. */
    public static int inFlightCapacity(HttpVersion version) {
        return version == HttpVersion.HTTP_2 ? IN_FLIGHT_HTTP_2 : IN_FLIGHT_HTTP_1_1;
    }

    private static double inFlight(HttpVersion version) {
        return positive("inFlight." + version.key(), RUNNER.path("inFlight").path(version.key()));
    }

    private static double figure(String name) {
        return positive(name, RUNNER.path(name));
    }

    private static double positive(String name, JsonNode value) {
        if (!value.isNumber() || !(value.asDouble() > 0)) {
            throw new IllegalStateException(
                    "bench/baseline.json: runner." + name + " must be a positive number, not " + value);
        }
        return value.asDouble();
    }
}
