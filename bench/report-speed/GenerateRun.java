// Writes a realistic 10,000,000-request run for bench/report-speed.sh: runner-0..3 under a run
// folder, each recorded through the real ResultsRecorder and written with ResultsFiles.write.
//
//   java -cp "target/classes:<dependencies>" bench/report-speed/GenerateRun.java RUN_DIR [REQUESTS] [RUNNERS] [SEED]
//
// A bench program, not a test and not product code (see bench/README.md). Not timed by the
// benchmark. Prints "BENCH key=value" lines that the script puts into BENCHMARKS.md.
//
// The run:
// - Profile: the production profile "30k" (warm-up 2 min at 5,000 rps, ramp 5 min 10,000 -> 20,000,
//   peak 10 min at 30,000, stress 5 min at 40,000; 22 minutes, 35.1 M requests) with every rate
//   scaled by REQUESTS / 35.1 M, so the same 22-minute shape offers REQUESTS requests. Each runner
//   gets its share exactly as a real runner does (LoadProfile.shard, then requestsPerSecond for
//   the manifest's schedule). The manifest's phases carry the whole run's rates, as PhaseWindow
//   documents (CapacityRun.manifest writes the runner share's rates there; the report only compares
//   a phase's from and to rates, so either gives the same work).
// - Every scheduled request is sent (ResultsRecorder.sent) and answered (ResultsRecorder.record)
//   at a random millisecond of its second. The total is made exactly REQUESTS: the per-second
//   rounding of the four shares leaves the schedule a few requests off, and the last runner's
//   last second absorbs that difference (printed as schedule_adjustment).
// - Endpoints by share of requests (status polls dominate, as in the journey: join, poll status
//   every 2-4 s, enter, and for the purchasing part hold, payment intent/process, confirm; leave).
// - Outcomes: "ok"; "not_ready" for 10 % of enter (the queue's expected 403); errors "http_503"
//   (3/4) and "connection" (1/4) at 0.05 % below peak load, rising to ~1.5 % in stress.
// - Latencies in microseconds from a seeded lognormal per endpoint (medians 1.8-25 ms), slower and
//   wider as the offered rate passes the peak, plus a rare slow tail (x30 median, to seconds),
//   capped at 30 s.
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.profile.Profiles;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.results.Snapshot;

public class GenerateRun {
    /** 2026-01-15T12:00:00Z: a fixed start, so two generated runs are byte-for-byte equal. */
    static final long START_EPOCH_MS = 1_768_478_400_000L;

    static final String RUN_ID = "bench-report-speed";
    static final String GATLING_VERSION = "3.15.0";
    static final String TARGET_URL = "https://gateway.tacos.example";

    static final String[] ENDPOINTS = {
        "join", "status", "enter", "hold", "payment_intent", "payment_process", "confirm", "leave"
    };
    /** Share of all requests; sums to 1. */
    static final double[] SHARES = {0.075, 0.700, 0.070, 0.030, 0.025, 0.024, 0.022, 0.054};
    /** Median response time (µs) of an "ok" answer at light load. */
    static final double[] MEDIAN_US = {3_500, 1_800, 4_500, 9_000, 12_000, 25_000, 8_000, 2_500};

    static final int ENTER = 2;
    static final double NOT_READY_SHARE_OF_ENTER = 0.10;
    static final double MAX_LATENCY_US = 30_000_000;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: GenerateRun RUN_DIR [REQUESTS=10000000] [RUNNERS=4] [SEED=20260115]");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]);
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int runners = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20260115L;
        long began = System.nanoTime();

        LoadProfile production = Profiles.builtIn("30k").orElseThrow();
        double scale = requests / production.expectedRequests();
        List<Phase> scaledPhases = new ArrayList<>();
        for (Phase phase : production.phases()) {
            scaledPhases.add(new Phase(phase.name(), phase.duration(), phase.fromRps() * scale, phase.toRps() * scale));
        }
        LoadProfile full = new LoadProfile("30k-scaled", scaledPhases);
        double peakRps = full.phases().stream()
                .filter(p -> p.name().equals("peak"))
                .findFirst()
                .orElseThrow()
                .fromRps();
        int seconds = full.requestsPerSecond().length;

        // Each runner's schedule, as RunSettings/CapacityRun compute it.
        long[][] scheduled = new long[runners][];
        long scheduledTotal = 0;
        for (int runner = 0; runner < runners; runner++) {
            scheduled[runner] = full.shard(runner, runners).requestsPerSecond();
            scheduledTotal += Arrays.stream(scheduled[runner]).sum();
        }
        long adjustment = requests - scheduledTotal;

        List<PhaseWindow> windows = new ArrayList<>();
        long phaseStart = START_EPOCH_MS;
        for (Phase phase : full.phases()) {
            long phaseEnd = phaseStart + phase.duration().toMillis();
            windows.add(new PhaseWindow(phase.name(), phaseStart, phaseEnd, phase.fromRps(), phase.toRps()));
            phaseStart = phaseEnd;
        }
        long endEpochMs = phaseStart;

        double[] cumulative = new double[SHARES.length];
        double running = 0;
        for (int i = 0; i < SHARES.length; i++) {
            running += SHARES[i];
            cumulative[i] = running;
        }
        cumulative[cumulative.length - 1] = 1.0;

        long recordedTotal = 0;
        long seriesTotal = 0;
        long[] byEndpoint = new long[ENDPOINTS.length];
        long ok = 0, notReady = 0, http503 = 0, connection = 0;
        for (int runner = 0; runner < runners; runner++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + runner);
            ResultsRecorder recorder = new ResultsRecorder(START_EPOCH_MS);
            for (int second = 0; second < seconds; second++) {
                long toSend = scheduled[runner][second];
                if (runner == runners - 1 && second == seconds - 1) {
                    toSend += adjustment;
                }
                // How hard the platform is pushed in this second: the whole run's offered rate / peak.
                double load =
                        full.expectedRequests(Duration.ofSeconds(second), Duration.ofSeconds(second + 1)) / peakRps;
                double over = Math.max(0, load - 1);
                double medianFactor = 1 + 0.25 * Math.pow(load, 4);
                double sigma = 0.55 + 0.75 * over;
                double tailShare = 0.002 + 0.03 * over;
                double errorShare = 0.0005 + 0.045 * over;
                long secondStartMs = START_EPOCH_MS + second * 1000L;
                for (long r = 0; r < toSend; r++) {
                    long sentAt = secondStartMs + random.nextInt(1000);
                    recorder.sent(sentAt);
                    int endpoint = pick(cumulative, random.nextDouble());
                    String outcome;
                    double micros;
                    double u = random.nextDouble();
                    if (u < errorShare) {
                        if (u < errorShare * 0.75) {
                            outcome = "http_503";
                            http503++;
                            micros = lognormal(random, 1_500, 0.6);
                        } else {
                            outcome = "connection";
                            connection++;
                            // Refused (fast) or a connect timeout (around 2 s).
                            micros = random.nextBoolean()
                                    ? lognormal(random, 600, 0.5)
                                    : lognormal(random, 2_000_000, 0.3);
                        }
                    } else if (endpoint == ENTER && random.nextDouble() < NOT_READY_SHARE_OF_ENTER) {
                        outcome = "not_ready";
                        notReady++;
                        micros = lognormal(random, 3_000 * medianFactor, sigma);
                    } else {
                        outcome = "ok";
                        ok++;
                        micros = lognormal(random, MEDIAN_US[endpoint] * medianFactor, sigma);
                        if (random.nextDouble() < tailShare) {
                            micros *= lognormal(random, 30, 1.0);
                        }
                    }
                    long latency = (long) Math.min(Math.max(micros, 1), MAX_LATENCY_US);
                    recorder.record(sentAt, ENDPOINTS[endpoint], outcome, latency);
                    byEndpoint[endpoint]++;
                    recordedTotal++;
                }
            }
            Snapshot snapshot = recorder.snapshot();
            Manifest manifest = new Manifest(
                    RUN_ID,
                    runner,
                    runners,
                    full.name(),
                    START_EPOCH_MS,
                    endEpochMs,
                    GATLING_VERSION,
                    TARGET_URL,
                    windows,
                    scheduled[runner]);
            Path runnerDir = runDir.resolve("runner-" + runner);
            ResultsFiles.write(runnerDir, manifest, snapshot);
            seriesTotal += snapshot.series().size();
            System.out.printf(
                    "BENCH runner=%d requests=%d series=%d hlog_bytes=%d manifest_bytes=%d%n",
                    runner,
                    snapshot.recorded(),
                    snapshot.series().size(),
                    Files.size(runnerDir.resolve(ResultsFiles.LOG_FILE)),
                    Files.size(runnerDir.resolve(ResultsFiles.MANIFEST_FILE)));
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        StringBuilder phases = new StringBuilder();
        for (Phase phase : full.phases()) {
            phases.append(phases.length() == 0 ? "" : ";")
                    .append(phase.name())
                    .append(':')
                    .append(phase.duration().toSeconds())
                    .append("s:")
                    .append(String.format("%.3f", phase.fromRps()))
                    .append('-')
                    .append(String.format("%.3f", phase.toRps()));
        }
        StringBuilder endpoints = new StringBuilder();
        for (int i = 0; i < ENDPOINTS.length; i++) {
            endpoints.append(i == 0 ? "" : ";").append(ENDPOINTS[i]).append(':').append(byEndpoint[i]);
        }
        System.out.printf(
                "BENCH requests=%d runners=%d seconds=%d seed=%d scale=%.6f scheduled=%d schedule_adjustment=%d "
                        + "series_in_files=%d ok=%d not_ready=%d http_503=%d connection=%d generate_s=%.1f%n",
                recordedTotal,
                runners,
                seconds,
                seed,
                scale,
                scheduledTotal,
                adjustment,
                seriesTotal,
                ok,
                notReady,
                http503,
                connection,
                elapsed);
        System.out.println("BENCH phases=" + phases);
        System.out.println("BENCH endpoints=" + endpoints);
    }

    static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double lognormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }
}
