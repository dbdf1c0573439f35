package store.traffictacos.capacity.report.model;

import org.jspecify.annotations.Nullable;

/**
 * One run in the trend over earlier runs.
 *
 * @param kneeRps null when no rate held every SLO
 * @param phase the phase whose p99 is tracked: {@code peak}, or the one with the highest offered rate
 * @param p99Ms that phase's p99
 */
public record TrendPoint(
        String runId,
        long startEpochMs,
        @Nullable Double kneeRps,
        @Nullable String phase,
        double p99Ms) {}
