package store.traffictacos.capacity.report.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SLOs a run is judged against, as data (a YAML file; defaults from the team's runbooks).
 *
 * @param settleSeconds seconds at each phase start left out of the verdict
 * @param generatorBehindRatio a second whose sent requests fall below this share of the scheduled
 *     ones is the generator's fault, not the platform's
 * @param settledRise a step whose p99 rose by more than this fraction from the first to the last third
 *     of its judged seconds, beyond sampling noise, is not settled (report files written before it hold
 *     0 and read as the default)
 */
public record SloSet(List<Slo> slos, long settleSeconds, double generatorBehindRatio, double settledRise) {

    /**
     * A step whose p99 is 10 % higher at its end than at its start, beyond what sampling explains, is still
     * filling a queue: its steady state is worse than what the step measured. 10 % is about the run-to-run
     * spread of a settled p99 on a quiet platform, so smaller rises are not worth a flag even when real.
     */
    public static final double DEFAULT_SETTLED_RISE = 0.10;

    /** The SLOs with the default settled rise. */
    public SloSet(List<Slo> slos, long settleSeconds, double generatorBehindRatio) {
        this(slos, settleSeconds, generatorBehindRatio, DEFAULT_SETTLED_RISE);
    }

    public SloSet {
        if (settledRise == 0) {
            settledRise = DEFAULT_SETTLED_RISE;
        }
    }

    /**
     * One objective: {@code metric < threshold} ({@code metric > threshold} for a share of journeys that got
     * through, {@link Metric#mustStayAbove}), over every request, or over those of one {@code endpoint} (a request
     * name such as {@code join}, {@code enter}), or over the journeys that joined in the phase ({@link
     * Metric#ofJourneys}). An endpoint's or the journeys' SLO is judged per phase; a ramp's rolling windows (the
     * knee within a ramp) judge the SLOs over every request.
     */
    public record Slo(
            String name,
            Metric metric,
            double threshold,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String endpoint) {

        /** An objective over every request. */
        public Slo(String name, Metric metric, double threshold) {
            this(name, metric, threshold, null);
        }
    }

    public enum Metric {
        P50_MS("p50_ms"),
        P95_MS("p95_ms"),
        P99_MS("p99_ms"),
        MAX_MS("max_ms"),
        ERROR_RATE("error_rate"),
        /** The share of requests still unanswered at their timeout. */
        TIMEOUT_RATE("timeout_rate"),
        /** The share of answers that were the expected 403 NOT_READY (at enter): not errors, but a user kept out. */
        NOT_READY_RATE("not_ready_rate"),
        /**
         * Of the journeys that joined in the phase and set out to purchase, the share that confirmed: judged on
         * the purchase funnel, and must stay above its threshold.
         */
        JOURNEY_COMPLETION("journey_completion"),
        /** Of those journeys whose hold succeeded, the share that confirmed; must stay above its threshold. */
        PURCHASE_COMPLETION("purchase_completion"),
        /** The p95 of the time from join to granted enter of the journeys that joined in the phase, seconds. */
        ADMISSION_P95_S("admission_p95_s");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Judged per phase on the journeys that joined in it (the purchase funnel), not on requests. */
        public boolean ofJourneys() {
            return this == JOURNEY_COMPLETION || this == PURCHASE_COMPLETION || this == ADMISSION_P95_S;
        }

        /** A share of journeys that got through: it must stay above its threshold, every other metric below. */
        public boolean mustStayAbove() {
            return this == JOURNEY_COMPLETION || this == PURCHASE_COMPLETION;
        }

        /** Whether {@code value} meets an objective of this metric at {@code threshold}. */
        public boolean holds(double value, double threshold) {
            return mustStayAbove() ? value > threshold : value < threshold;
        }

        /** The metric of a report file's key. */
        public static Metric ofKey(String key) {
            for (Metric metric : values()) {
                if (metric.key.equals(key)) {
                    return metric;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + key + "'");
        }
    }

    /**
     * p99 < 100 ms, p95 < 500 ms, errors < 1 %, 5 s settle, behind below 97 % of schedule, not settled
     * above a 10 % rise.
     */
    public static SloSet defaults() {
        return new SloSet(
                List.of(
                        new Slo("p99 latency", Metric.P99_MS, 100),
                        new Slo("p95 latency", Metric.P95_MS, 500),
                        new Slo("error rate", Metric.ERROR_RATE, 0.01)),
                5,
                0.97);
    }
}
