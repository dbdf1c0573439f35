package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import store.traffictacos.capacity.report.judge.CostCalculator;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.EndpointReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * A hand-made report of a 60 s run: warmup, ramp, peak and cooldown; p99 fails in peak only, so
 * the knee is the ramp's 400 req/s, limited by p99 latency. Deterministic, no randomness.
 */
public final class SampleReports {
    static final String RUN_ID = "ci-1234";
    public static final long START_EPOCH_MS = 1_735_732_800_000L;
    /** Contains every character HTML and Markdown must escape. */
    static final String AWKWARD_REASON = "sent 91 % <97 %> of schedule | runner \"b\" & 'c'";

    private SampleReports() {}

    /** The sample run: 4 phases, 12 SLO checks, 1 failing (peak p99 180.4 ms), 60 timeline seconds. */
    public static CapacityReport failingAtPeak() {
        List<PhaseReport> phases = List.of(
                phase("warmup", 0, 15, 100, 100, 99.8, 8.2, 21.5, 38.0, 120, 0.0, Map.of(), 38.0),
                phase("ramp", 15, 30, 400, 399.5, 398.9, 11.4, 40.3, 71.9, 240, 0.002, Map.of("http_503", 12L), 71.9),
                phase(
                        "peak",
                        30,
                        50,
                        700,
                        688.0,
                        640.5,
                        41.2,
                        120.0,
                        180.4,
                        950,
                        0.008,
                        Map.of("http_503", 70L, "timeout", 9L),
                        180.4),
                phase("cooldown", 50, 60, 100, 100, 100, 7.9, 19.0, 33.3, 90, 0.0, Map.of(), 33.3));
        return new CapacityReport(
                CapacityReport.FORMAT,
                RUN_ID,
                "local",
                2,
                START_EPOCH_MS,
                START_EPOCH_MS + 60_000,
                Verdict.FAIL,
                new Knee(400.0, "p99 latency", null, 35L, 50L),
                phases,
                endpoints(),
                timeline(),
                List.of(new GeneratorWarning(40, 43, AWKWARD_REASON)),
                SloSet.defaults(),
                null,
                Cost.notAvailable(CostCalculator.NO_NODE_SERIES),
                List.of(),
                List.of(),
                Map.of());
    }

    /** The sample run with its first phase renamed, e.g. to something that needs escaping. */
    public static CapacityReport withFirstPhaseNamed(String name) {
        return withFirstPhase(first -> new PhaseReport(
                name,
                first.startSecond(),
                first.endSecond(),
                first.settleSeconds(),
                first.offeredRps(),
                first.sentRps(),
                first.achievedRps(),
                first.requests(),
                first.p50Ms(),
                first.p95Ms(),
                first.p99Ms(),
                first.maxMs(),
                first.errorRate(),
                first.errorsByKind(),
                first.slos(),
                first.pass(),
                first.generatorLimited(),
                first.resources()));
    }

    /** The sample run with its first phase, warmup, run as a warm-up that is not judged (as the built-ins'). */
    public static CapacityReport withWarmUpNotJudged() {
        return withFirstPhase(first -> new PhaseReport(
                first.name(),
                first.startSecond(),
                first.endSecond(),
                0,
                first.offeredRps(),
                first.sentRps(),
                first.achievedRps(),
                first.requests(),
                first.p50Ms(),
                first.p95Ms(),
                first.p99Ms(),
                first.maxMs(),
                first.errorRate(),
                first.errorsByKind(),
                List.of(),
                false,
                false,
                List.of(),
                false,
                PhaseOutcome.NOT_JUDGED,
                null));
    }

    /** The sample run with the runners' transport recorded. */
    public static CapacityReport withTransport(CapacityReport.Transport transport) {
        return withGeneratorSide(transport, null);
    }

    /** The sample run with what the probe before the load found about the per-client limit. */
    public static CapacityReport withRateLimitProbe(String finding) {
        return withGeneratorSide(null, finding);
    }

    private static CapacityReport withGeneratorSide(CapacityReport.Transport transport, String rateLimitProbe) {
        CapacityReport report = failingAtPeak();
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                report.phases(),
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable(),
                report.runnerResults(),
                report.startSkewMs(),
                transport,
                report.invariants(),
                rateLimitProbe,
                report.cleanup(),
                report.funnel());
    }

    /** The sample run with a purchase funnel in its phases. */
    public static CapacityReport withFunnel(FunnelReport funnel) {
        CapacityReport report = failingAtPeak();
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                report.phases(),
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable(),
                report.runnerResults(),
                report.startSkewMs(),
                report.transport(),
                report.invariants(),
                report.rateLimitProbe(),
                report.cleanup(),
                funnel);
    }

    private static CapacityReport withFirstPhase(UnaryOperator<PhaseReport> change) {
        CapacityReport report = failingAtPeak();
        List<PhaseReport> phases = new ArrayList<>(report.phases());
        phases.set(0, change.apply(phases.get(0)));
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                phases,
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable());
    }

    private static PhaseReport phase(
            String name,
            long start,
            long end,
            double offered,
            double sent,
            double achieved,
            double p50,
            double p95,
            double p99,
            double max,
            double errorRate,
            Map<String, Long> errors,
            double measuredP99) {
        List<SloResult> slos = List.of(
                new SloResult("p99 latency", "p99_ms", 100, measuredP99, measuredP99 < 100),
                new SloResult("p95 latency", "p95_ms", 500, p95, p95 < 500),
                new SloResult("error rate", "error_rate", 0.01, errorRate, errorRate < 0.01));
        boolean pass = slos.stream().allMatch(SloResult::pass);
        long requests = Math.round(achieved * (end - start - 5));
        return new PhaseReport(
                name, start, end, 5, offered, sent, achieved, requests, p50, p95, p99, max, errorRate, errors, slos,
                pass, false, List.of());
    }

    private static List<EndpointReport> endpoints() {
        return List.of(
                new EndpointReport("POST /api/v1/queue/join", 6_000, 6.1, 25.0, 60.2, 300, 0.001),
                new EndpointReport("GET /api/v1/queue/status", 9_500, 3.2, 14.8, 41.7, 210, 0.0),
                new EndpointReport("POST /api/v1/queue/enter", 2_400, 9.9, 52.3, 120.6, 640, 0.004),
                new EndpointReport("POST /api/v1/reservations", 1_200, 20.1, 80.3, 140.9, 950, 0.012),
                new EndpointReport("POST /api/v1/payment/intent", 1_100, 18.4, 77.0, 133.0, 720, 0.009));
    }

    /** Rates and latencies that follow the phases, errors only in ramp and peak. */
    private static List<SecondPoint> timeline() {
        List<SecondPoint> points = new ArrayList<>();
        for (int second = 0; second < 60; second++) {
            long offered = second < 15 ? 100 : second < 30 ? 100 + 20L * (second - 15) : second < 50 ? 700 : 100;
            long sent = second >= 40 && second < 43 ? offered * 91 / 100 : offered;
            long achieved = second >= 30 && second < 50 ? sent - 50 - second % 7 : sent - second % 2;
            double load = offered / 700.0;
            double wobble = (second * 37 % 11) / 10.0;
            Map<String, Long> errors = new LinkedHashMap<>();
            if (second >= 25 && second < 50) {
                errors.put("http_503", 1L + second % 4);
            }
            if (second >= 35 && second < 48) {
                errors.put("timeout", (long) (second % 3));
            }
            points.add(new SecondPoint(
                    second,
                    offered,
                    sent,
                    achieved,
                    5 + 35 * load + wobble,
                    15 + 105 * load * load + 3 * wobble,
                    25 + 160 * load * load + 6 * wobble,
                    errors));
        }
        return points;
    }
}
