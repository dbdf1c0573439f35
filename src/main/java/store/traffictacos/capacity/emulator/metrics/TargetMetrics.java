package store.traffictacos.capacity.emulator.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import store.traffictacos.capacity.emulator.reservation.ReservationStore.SeatCounts;

/**
 * The target's {@code /metrics}: requests and latency per route and status, waiting users per
 * event, held and sold seats, and the capacity model's queue. One registry per target, so several
 * targets in one JVM (tests) do not mix.
 */
public final class TargetMetrics {
    private static final double[] LATENCY_BUCKETS_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter capacityRejections;
    /**
     * Resolved label children by route, method and status, so the request path neither builds a
     * key nor looks labels up after the first hit (route and method are constant strings).
     */
    private final Map<String, Map<String, AtomicReferenceArray<Series>>> series = new ConcurrentHashMap<>();

    private static final int LOWEST_STATUS = 100;
    private static final int STATUSES = 500;

    private record Series(CounterDataPoint requests, DistributionDataPoint latency) {}

    public TargetMetrics(
            Supplier<Map<String, Long>> waitingByEvent,
            Supplier<Map<String, SeatCounts>> seats,
            LongSupplier capacityQueue) {
        requests = Counter.builder()
                .name("tacos_http_requests_total")
                .help("HTTP requests answered, by route and status")
                .labelNames("method", "route", "status")
                .register(registry);
        latency = Histogram.builder()
                .name("tacos_http_request_duration_seconds")
                .help("Time from request arrival to response, including the capacity model's queue")
                .labelNames("method", "route", "status")
                .classicOnly()
                .classicUpperBounds(LATENCY_BUCKETS_SECONDS)
                .register(registry);
        capacityRejections = Counter.builder()
                .name("tacos_capacity_rejections_total")
                .help("Requests answered 503 because the capacity model's queue was full")
                .register(registry);
        GaugeWithCallback.builder()
                .name("tacos_capacity_queue_depth")
                .help("Requests waiting in the capacity model's queue")
                .callback(callback -> callback.call(capacityQueue.getAsLong()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("tacos_waiting_users")
                .help("Users in the waiting room, by event")
                .labelNames("event_id")
                .callback(callback -> waitingByEvent.get().forEach((event, n) -> callback.call(n, event)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("tacos_seats_held")
                .help("Seats on hold, by event")
                .labelNames("event_id")
                .callback(callback -> seats.get().forEach((event, n) -> callback.call(n.held(), event)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("tacos_seats_sold")
                .help("Seats sold, by event")
                .labelNames("event_id")
                .callback(callback -> seats.get().forEach((event, n) -> callback.call(n.sold(), event)))
                .register(registry);
    }

    public void observe(String method, String route, int status, long elapsedNanos) {
        Series s = series(method, route, status);
        s.requests().inc();
        s.latency().observe(elapsedNanos / 1e9);
    }

    private Series series(String method, String route, int status) {
        Map<String, AtomicReferenceArray<Series>> byMethod = series.get(route);
        if (byMethod == null) {
            byMethod = series.computeIfAbsent(route, r -> new ConcurrentHashMap<>());
        }
        AtomicReferenceArray<Series> byStatus = byMethod.get(method);
        if (byStatus == null) {
            byStatus = byMethod.computeIfAbsent(method, m -> new AtomicReferenceArray<>(STATUSES));
        }
        int index = Math.floorMod(status - LOWEST_STATUS, STATUSES);
        Series found = byStatus.get(index);
        if (found == null) {
            String code = Integer.toString(status);
            byStatus.compareAndSet(
                    index,
                    null,
                    new Series(requests.labelValues(method, route, code), latency.labelValues(method, route, code)));
            found = byStatus.get(index);
        }
        return found;
    }

    public void capacityRejected() {
        capacityRejections.inc();
    }

    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
