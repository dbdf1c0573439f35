package store.traffictacos.capacity.report.model;

import org.jspecify.annotations.Nullable;

/**
 * What the run and its capacity cost, from node-hours by instance type × on-demand prices.
 *
 * @param runUsd the node-hours of the run priced; null when not computable
 * @param perMillionRequestsAtKneeUsd the fleet's cost per hour ÷ the requests it serves per hour at
 *     the knee, × 10⁶; null without a run cost or a knee
 * @param note why a figure is missing, or what it rests on
 */
public record Cost(@Nullable Double runUsd, @Nullable Double perMillionRequestsAtKneeUsd, String note) {
    public static Cost notAvailable(String reason) {
        return new Cost(null, null, reason);
    }
}
