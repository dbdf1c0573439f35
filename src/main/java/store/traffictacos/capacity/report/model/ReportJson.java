package store.traffictacos.capacity.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code report.json} format: a {@link CapacityReport} as JSON, field names exactly as the
 * record components, enums by name, read back by {@link #read} (baselines are earlier runs' files).
 *
 * <p>Units: latencies in milliseconds ({@code *Ms}), rates in requests per second ({@code *Rps}),
 * {@code errorRate} a fraction (0.01 = 1 %), seconds ({@code *Second}, {@code second}) counted from
 * the run start, {@code *EpochMs} Unix epoch milliseconds. A latency of a window without responses
 * is the string {@code "NaN"}.
 *
 * <pre>{@code
 * {
 *   "format": "tacos-report/1",          // checked by read(); bumped on incompatible changes
 *   "runId": "ci-1234", "profile": "30k", "runners": 4,
 *   "startEpochMs": 1735732800000, "endEpochMs": 1735733520000,
 *   "verdict": "FAIL",                    // PASS | FAIL | REGRESSED | INCONCLUSIVE
 *   "knee": {"rps": 400.0,                // highest offered rate where every SLO held, or null
 *            "limitedBy": "p99 latency",  // SLO that failed first beyond it, or null
 *            "resource": "pod CPU",       // first platform resource over its threshold, or null
 *            "failedFromSecond": 35, "failedToSecond": 50, "failedAtRps": 700.0,  // the failing window, or null
 *            "reason": "FOUND"},          // FOUND | NONE_FAILED (rps: at least) | LOWEST_FAILED
 *                                         // | NO_PASS_BELOW_FAILURE | NOT_SHOWN | ALL_GENERATOR_LIMITED
 *                                         // | NOTHING_JUDGED (no rps for these)
 *   "phases": [{
 *     "name": "peak", "startSecond": 30, "endSecond": 50, "settleSeconds": 5,
 *     "offeredRps": 700.0, "sentRps": 698.2, "achievedRps": 640.5, "requests": 9608,
 *     "p50Ms": 41.2, "p95Ms": 120.0, "p99Ms": 180.4, "maxMs": 950.0,
 *     "errorRate": 0.012, "errorsByKind": {"http_503": 100, "timeout": 15},
 *     "slos": [{"name": "p99 latency", "metric": "p99_ms", "threshold": 100.0, "value": 180.4, "pass": false,
 *               "outcome": "FAIL",        // PASS | FAIL | TOO_FEW_SAMPLES (the bounds straddle the threshold)
 *               "samples": 9608,          // responses the value rests on
 *               "lowerBound": 171.3, "upperBound": 190.2}],  // a percentile's 95 % bounds; null: none
 *     "pass": false, "generatorLimited": false,
 *     "judged": true,                     // false: shown, counted in no verdict and no knee (a warm-up)
 *     "outcome": "FAIL",                  // PASS | FAIL | TOO_FEW_SAMPLES | NOT_MEASURED | NOT_JUDGED
 *     "settling": {"firstThirdP99Ms": 150.2, "lastThirdP99Ms": 190.0, "settled": false}}],  // a step's trend, or null
 *   "endpoints": [{"endpoint": "POST /api/v1/reservations", "requests": 1200,
 *                  "p50Ms": 20.1, "p95Ms": 80.3, "p99Ms": 140.9, "maxMs": 400.0, "errorRate": 0.004}],
 *   "timeline": [{"second": 0, "offered": 100, "sent": 100, "achieved": 99,
 *                 "p50Ms": 12.0, "p95Ms": 30.1, "p99Ms": 48.0, "errorsByKind": {}}],
 *   "generatorWarnings": [{"fromSecond": 40, "toSecond": 43, "reason": "sent below 97 % of schedule"}],
 *   "slos": {"slos": [{"name": "p99 latency", "metric": "P99_MS", "threshold": 100.0}],
 *            "settleSeconds": 5, "generatorBehindRatio": 0.97, "settledRise": 0.1},
 *   "comparison": {                       // optional: null or absent without a baseline
 *     "baselineRunId": "ci-1200", "baselineStartEpochMs": 1735646400000,
 *     "rules": {"p99IncreasePercent": 10.0, "kneeDecreasePercent": 5.0, "errorRateIncrease": 0.005},
 *     "kneeRps": {"baseline": 420.0, "current": 400.0, "change": -20.0, "changePercent": -4.76},
 *     "phases": [{"phase": "peak", "p50Ms": {...}, "p95Ms": {...}, "p99Ms": {...}, "maxMs": {...},
 *                 "errorRate": {...}, "achievedRps": {...}}],   // each a delta as kneeRps
 *     "checks": [{"rule": "p99IncreasePercent", "subject": "peak", "limit": 10.0, "change": 11.2,
 *                 "broken": true}]},      // change in % (knee, p99) or as a fraction (error rate)
 *   "cost": {"runUsd": null, "perMillionRequestsAtKneeUsd": null,   // optional; USD, null = n/a
 *            "note": "no node series: platform metrics not collected"},
 *   "trend": [{"runId": "ci-1200", "startEpochMs": 1735646400000, "kneeRps": 420.0,
 *              "phase": "peak", "p99Ms": 160.2}],  // optional; earlier runs then this one, [] without history
 *   "transport": {"httpVersions": ["2"], "requestTimeoutMs": 10000, "inFlightBudget": 8800,
 *                 "connectionsOpened": 12, "warmUpConnectionsOpened": 4, "mostConnectionsOpenedInASecond": 3,
 *                 "peakInFlight": 3100,  // optional: the runners' side; null when they recorded none
 *                 "refusedByRunner": 0},  // requests their own HTTP/2 clients refused: never sent
 *   "invariants": [{"name": "seat_sold_once", "description": "no seat confirmed twice",
 *                   "observations": 1204,  // answers that could have broken it; 0: not exercised
 *                   "violations": 2, "examples": ["evt_1/S1", "evt_1/S2"],  // up to 10 ids
 *                   "pass": false}],       // optional; absent when the runners kept no ledger
 *   "rateLimitProbe": "the platform's per-client limit follows X-Forwarded-For. Security note: ...",
 *                                         // optional; absent when no probe ran
 *   "cleanup": {"totalDeletedKeys": 1200, "deletedByPattern": {"queue:*": 900},  // optional; absent: no cleanup
 *               "warning": null},      // or why the test data could not be deleted (totalDeletedKeys null)
 *   "funnel": {"purchaseShare": 0.5,      // optional; absent when the runners kept no funnel
 *              "phases": [{"phase": "peak", "journeys": 2000,   // every journey that joined in the phase
 *                          "joined": 1000,  // those that set out to purchase; the stages count only these
 *                          "admitted": 950, "held": 900, "paid": 850, "confirmed": 800,
 *                          "dropped": 188, "unfinished": 12,    // ended without a confirm; still on their way
 *                          "admittedShare": 0.95, "heldShare": 0.9, "paidShare": 0.85, "confirmedShare": 0.8,
 *                          "admissions": 1900,  // journeys admitted, purchasing or not: the time to admission's
 *                          "admissionP50S": 2.5, "admissionP95S": 12.5, "admissionP99S": 31.0}]}  // null: none
 * }
 * }</pre>
 *
 * <p>{@code comparison}, {@code cost}, {@code trend} and {@code transport} were added within
 * {@code tacos-report/1}: they are optional, so files written before them still read (as null, null, an empty
 * list and null). So were the
 * knee's {@code reason} and {@code failedAtRps}, a phase's {@code judged}, {@code outcome} and
 * {@code settling}, an SLO result's {@code outcome}, {@code samples} and bounds, and the SLO set's
 * {@code settledRise}: a file without them reads as it meant when written (the reason its knee's fields
 * imply, judged phases, outcomes from {@code pass}, no bounds, the default rise).
 */
public final class ReportJson {
    public static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {}

    /**
     * Reads a {@code report.json}; doubles come back bit for bit as written.
     *
     * @throws IOException when the file is unreadable, not JSON, or of another format version
     */
    public static CapacityReport read(Path file) throws IOException {
        // Through Files, so a missing file is a NoSuchFileException callers can name as such.
        JsonNode tree = MAPPER.readTree(Files.readAllBytes(file));
        // Checked before binding, so a newer format fails on its version, not on some renamed field.
        String format = tree.path("format").asText(null);
        if (!CapacityReport.FORMAT.equals(format)) {
            throw new IOException(file + ": format is " + (format == null ? "missing" : "'" + format + "'")
                    + ", expected '" + CapacityReport.FORMAT + "'");
        }
        return MAPPER.treeToValue(tree, CapacityReport.class);
    }
}
