/**
 * The target's {@code /metrics} in Prometheus text ({@link TargetMetrics}): requests and latency per
 * route and status, waiting users, seats and the capacity model's queue. May import
 * {@code emulator.reservation} (the seat counts).
 */
package store.traffictacos.capacity.emulator.metrics;
