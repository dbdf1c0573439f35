package store.traffictacos.capacity.report.judge;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.report.settings.SloSet.Metric;

/**
 * Judges every SLO of a set against one measurement, in the set's order. A percentile is judged by its
 * confidence bounds ({@link QuantileBounds}): it holds when its upper bound is below the threshold and
 * fails when its lower bound is at or above it; between the two, the samples cannot tell, and the result
 * is {@link SloOutcome#TOO_FEW_SAMPLES}, never a pass. The maximum and the error rate are judged by their
 * value; a latency of no responses at all rests on too few samples.
 */
public final class SloJudge {
    private SloJudge() {}

    /**
     * The SLOs over every request; those of one endpoint and those of the journeys are left out (a ramp's rolling
     * windows).
     */
    public static List<SloResult> judge(SloSet slos, Measurement measurement) {
        return slos.slos().stream()
                .filter(slo -> slo.endpoint() == null && !slo.metric().ofJourneys())
                .map(slo -> judge(slo, measurement))
                .toList();
    }

    /**
     * Every SLO: those over every request against {@code measurement}, an endpoint's against what {@code
     * ofEndpoint} measured of that endpoint's requests over the same seconds, a journey metric against {@code
     * journeys}, the funnel of the journeys that joined in the phase (null when the runners kept none: too few
     * samples, never a pass).
     */
    public static List<SloResult> judge(
            SloSet slos,
            Measurement measurement,
            Function<String, Measurement> ofEndpoint,
            FunnelReport.@Nullable Phase journeys) {
        return slos.slos().stream()
                .map(slo -> slo.metric().ofJourneys()
                        ? judgeJourneys(slo, journeys)
                        : judge(slo, slo.endpoint() == null ? measurement : ofEndpoint.apply(slo.endpoint())))
                .toList();
    }

    /**
     * A journey metric on the journeys it is a share or a percentile of; with none of them it rests on too few
     * samples. A completion is bounded by the journeys still on their way when the runners stopped (those that
     * joined in the run's last seconds cannot finish): at least the confirmed, at most the confirmed and the
     * unfinished. It fails only when even the upper bound misses the threshold, passes only when the lower bound
     * meets it, and otherwise rests on too few samples, so that the run's end is never blamed on the platform.
     * The time to admission is judged by its value, over the journeys admitted.
     */
    private static SloResult judgeJourneys(SloSet.Slo slo, FunnelReport.@Nullable Phase journeys) {
        long samples = journeys == null
                ? 0
                : switch (slo.metric()) {
                    case JOURNEY_COMPLETION -> journeys.joined();
                    case PURCHASE_COMPLETION -> journeys.held();
                    default -> journeys.admissions();
                };
        if (samples == 0) {
            return new SloResult(
                    slo.name(),
                    slo.metric().key(),
                    slo.threshold(),
                    0,
                    false,
                    SloOutcome.TOO_FEW_SAMPLES,
                    0,
                    null,
                    null);
        }
        if (slo.metric() == Metric.ADMISSION_P95_S) {
            double value = journeys.admissionP95S();
            boolean holds = slo.metric().holds(value, slo.threshold());
            return new SloResult(
                    slo.name(),
                    slo.metric().key(),
                    slo.threshold(),
                    value,
                    holds,
                    holds ? SloOutcome.PASS : SloOutcome.FAIL,
                    samples,
                    null,
                    null);
        }
        double lower = (double) journeys.confirmed() / samples;
        double upper = (double) Math.min(samples, journeys.confirmed() + journeys.unfinished()) / samples;
        SloOutcome outcome = slo.metric().holds(lower, slo.threshold())
                ? SloOutcome.PASS
                : slo.metric().holds(upper, slo.threshold()) ? SloOutcome.TOO_FEW_SAMPLES : SloOutcome.FAIL;
        boolean bounded = journeys.unfinished() > 0;
        return new SloResult(
                slo.name(),
                slo.metric().key(),
                slo.threshold(),
                lower,
                outcome == SloOutcome.PASS,
                outcome,
                samples,
                bounded ? lower : null,
                bounded ? upper : null);
    }

    private static SloResult judge(SloSet.Slo slo, Measurement measurement) {
        double value = measurement.value(slo.metric());
        QuantileBounds bounds = measurement.bounds(slo.metric());
        SloOutcome outcome = outcome(slo, measurement, value, bounds);
        return new SloResult(
                slo.name(),
                slo.metric().key(),
                slo.threshold(),
                value,
                outcome == SloOutcome.PASS,
                outcome,
                measurement.requests(),
                bounds == null ? null : bounds.lowerMs(),
                bounds == null ? null : bounds.upperMs());
    }

    private static SloOutcome outcome(SloSet.Slo slo, Measurement measurement, double value, QuantileBounds bounds) {
        if (measurement.requests() == 0 && latency(slo.metric())) {
            return SloOutcome.TOO_FEW_SAMPLES;
        }
        if (bounds == null) {
            return value < slo.threshold() ? SloOutcome.PASS : SloOutcome.FAIL;
        }
        if (bounds.upperMs() != null && bounds.upperMs() < slo.threshold()) {
            return SloOutcome.PASS;
        }
        if (bounds.lowerMs() != null && bounds.lowerMs() >= slo.threshold()) {
            return SloOutcome.FAIL;
        }
        return SloOutcome.TOO_FEW_SAMPLES;
    }

    /** A latency of no responses is no value; a share of none is 0 (nothing failed). */
    private static boolean latency(Metric metric) {
        return switch (metric) {
            case P50_MS, P95_MS, P99_MS, MAX_MS -> true;
            case ERROR_RATE, TIMEOUT_RATE, NOT_READY_RATE, JOURNEY_COMPLETION, PURCHASE_COMPLETION, ADMISSION_P95_S ->
                false;
        };
    }

    /** Every SLO held. */
    public static boolean allPass(List<SloResult> results) {
        return results.stream().allMatch(slo -> slo.outcome() == SloOutcome.PASS);
    }

    public static boolean anyFailed(List<SloResult> results) {
        return results.stream().anyMatch(slo -> slo.outcome() == SloOutcome.FAIL);
    }
}
