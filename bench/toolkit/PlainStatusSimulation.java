import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * A plain Gatling simulation for bench/run: open model, one GET per arriving user, nothing of the
 * toolkit (no journey, no start gate, no results file). It is the baseline the tacos-capacity runner
 * is compared with, so it is configured as anyone would for an exact rate: one shared connection pool
 * (without it every arriving user opens a TCP connection of its own), a warm-up ramp to the first
 * step like the runner's, then the steps back to back.
 *
 * <p>Settings (system properties): bench.url (the full URL to GET), bench.rates (users/s of each
 * step, comma-separated), bench.step.seconds, bench.warmup.seconds, bench.settle.seconds,
 * bench.timeout.seconds (each request's timeout, as the runner's request.timeout), http.version (2: HTTP/2
 * through ALPN, as the runner's); TLS trust comes from the toolkit's gatling.conf (-Dtls.trust.store...).
 *
 * <p>Each step is judged the way the runner's report judges a phase: requests are put in the step
 * window their send time falls in, counted from the first measured request (the runner's second 0),
 * leaving out the step's first bench.settle.seconds (the runner's settleSeconds), and a request
 * counts as achieved when it was answered 2xx. At the end it prints one line per step,
 * {@code BENCH step=... rate=... offered=... sent=... ok=... ko=... p50_us=... p99_us=... max_us=...}.
 * Not a test and not part of the product: compiled and run by bench/run only.
 */
public class PlainStatusSimulation extends Simulation {
    private static final String URL = System.getProperty("bench.url");
    private static final double[] RATES = Arrays.stream(
                    System.getProperty("bench.rates", "1000").split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    private static final int STEP_SECONDS = Integer.getInteger("bench.step.seconds", 5);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 5);
    private static final int SETTLE_SECONDS = Integer.getInteger("bench.settle.seconds", 1);
    private static final Duration TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.timeout.seconds", 60));
    private static final boolean HTTP2 = "2".equals(System.getProperty("http.version"));
    private static final long STEP_NANOS = Duration.ofSeconds(STEP_SECONDS).toNanos();
    private static final long SETTLE_NANOS = Duration.ofSeconds(SETTLE_SECONDS).toNanos();

    private final AtomicLong firstSentNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLongArray sent = new AtomicLongArray(RATES.length);
    private final AtomicLongArray ok = new AtomicLongArray(RATES.length);
    private final AtomicLongArray ko = new AtomicLongArray(RATES.length);
    private final ConcurrentHistogram[] latencyMicros = new ConcurrentHistogram[RATES.length];

    {
        if (URL == null) {
            throw new IllegalArgumentException("-Dbench.url is required");
        }
        for (int i = 0; i < RATES.length; i++) {
            latencyMicros[i] = new ConcurrentHistogram(3_600_000_000L, 3);
        }
        List<OpenInjectionStep> steps = new ArrayList<>();
        steps.add(nothingFor(Duration.ofSeconds(WARMUP_SECONDS)));
        for (double rate : RATES) {
            steps.add(constantUsersPerSec(rate).during(Duration.ofSeconds(STEP_SECONDS)));
        }
        setUp(
                        scenario("warm-up")
                                .exec(http("warm-up").get(URL).requestTimeout(TIMEOUT))
                                .injectOpen(rampUsersPerSec(1).to(RATES[0]).during(Duration.ofSeconds(WARMUP_SECONDS))),
                        scenario("steps")
                                .exec(session -> session.set("t0", System.nanoTime()))
                                .exec(session -> {
                                    long t0 = session.getLong("t0");
                                    firstSentNanos.compareAndSet(Long.MIN_VALUE, t0);
                                    int step = step(t0);
                                    if (step >= 0) {
                                        sent.incrementAndGet(step);
                                    }
                                    return session;
                                })
                                .exec(http("status").get(URL).requestTimeout(TIMEOUT))
                                .exec(session -> {
                                    long t0 = session.getLong("t0");
                                    int step = step(t0);
                                    if (step >= 0) {
                                        (session.isFailed() ? ko : ok).incrementAndGet(step);
                                        latencyMicros[step].recordValue(Math.max(0, (System.nanoTime() - t0) / 1_000));
                                    }
                                    return session;
                                })
                                .injectOpen(steps))
                .protocols(HTTP2 ? http.shareConnections().enableHttp2() : http.shareConnections())
                // a bound on the run whatever happens: warm-up, steps, 30 s for the last answers
                .maxDuration(Duration.ofSeconds(WARMUP_SECONDS + (long) STEP_SECONDS * RATES.length + 30));
    }

    /** The step a request sent then is judged in, or -1 (before, after, or in a step's settle time). */
    private int step(long sentNanos) {
        long sinceFirst = sentNanos - firstSentNanos.get();
        long index = sinceFirst / STEP_NANOS;
        boolean settling = sinceFirst % STEP_NANOS < SETTLE_NANOS;
        return index >= 0 && index < RATES.length && !settling ? (int) index : -1;
    }

    @Override
    public void after() {
        for (int i = 0; i < RATES.length; i++) {
            ConcurrentHistogram h = latencyMicros[i];
            System.out.printf(
                    "BENCH step=%d rate=%.0f offered=%d sent=%d ok=%d ko=%d p50_us=%d p99_us=%d max_us=%d%n",
                    i,
                    RATES[i],
                    Math.round(RATES[i] * (STEP_SECONDS - SETTLE_SECONDS)),
                    sent.get(i),
                    ok.get(i),
                    ko.get(i),
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99),
                    h.getMaxValue());
        }
        System.out.flush();
    }
}
