package store.traffictacos.capacity.platform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import store.traffictacos.capacity.net.ConnectionFailures;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * The embedded reference target's own {@code /metrics} (Prometheus text), so a laptop run shows what
 * the target saw beside what the users saw. Series (source {@code target}):
 * {@code requests_per_sec} and {@code capacity_rejections_per_sec} (growth of the counters since the
 * previous sample; none on the first), {@code capacity_queue_depth}, {@code waiting_users} and
 * {@code seats_held} (summed over events). Never throws: an unreachable target gives no samples and a
 * reason.
 */
public final class TargetMetricsSampler implements PlatformSampler {
    public static final String SOURCE = "target";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI metricsUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Map<String, Double> previous;
    private long previousEpochMs;
    private String unavailableReason;

    /** @param targetUrl the target's base URL, e.g. {@code http://127.0.0.1:8080} */
    public TargetMetricsSampler(URI targetUrl) {
        this.metricsUrl = targetUrl.resolve("/metrics");
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<PlatformSample> sample(long epochMs) {
        Map<String, Double> totals;
        try {
            totals = scrape();
        } catch (IOException e) {
            unavailableReason = "target " + metricsUrl + " unavailable: " + ConnectionFailures.reason(e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailableReason = "target " + metricsUrl + " unavailable: interrupted";
            return List.of();
        }
        unavailableReason = null;
        List<PlatformSample> samples = new ArrayList<>();
        gauge(samples, epochMs, totals, "tacos_capacity_queue_depth", "capacity_queue_depth", "requests");
        gauge(samples, epochMs, totals, "tacos_waiting_users", "waiting_users", "users");
        gauge(samples, epochMs, totals, "tacos_seats_held", "seats_held", "seats");
        if (previous != null && epochMs > previousEpochMs) {
            double seconds = (epochMs - previousEpochMs) / 1000.0;
            rate(samples, epochMs, seconds, totals, "tacos_http_requests_total", "requests_per_sec");
            rate(samples, epochMs, seconds, totals, "tacos_capacity_rejections_total", "capacity_rejections_per_sec");
        }
        previous = totals;
        previousEpochMs = epochMs;
        return samples;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    private Map<String, Double> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(metricsUrl).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return PrometheusText.sumsByName(response.body());
    }

    private static void gauge(
            List<PlatformSample> samples,
            long epochMs,
            Map<String, Double> totals,
            String metric,
            String series,
            String unit) {
        Double value = totals.get(metric);
        if (value != null) {
            samples.add(new PlatformSample(SOURCE, series, epochMs, value, unit));
        }
    }

    /**
     * A counter's growth per second. A labelled counter has no line until its first label set counts,
     * so a missing counter is 0; one that went down (a restarted target) gives nothing.
     */
    private void rate(
            List<PlatformSample> samples,
            long epochMs,
            double seconds,
            Map<String, Double> totals,
            String metric,
            String series) {
        double now = totals.getOrDefault(metric, 0.0);
        double before = previous.getOrDefault(metric, 0.0);
        if (now >= before) {
            samples.add(new PlatformSample(SOURCE, series, epochMs, (now - before) / seconds, "/s"));
        }
    }

    /** The few lines of the Prometheus text format this sampler needs: sample values summed by name. */
    static final class PrometheusText {
        private PrometheusText() {}

        static Map<String, Double> sumsByName(String text) {
            Map<String, Double> sums = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // name{labels} value [timestamp]; label values may hold spaces, so the value follows the last '}'.
                int labels = line.indexOf('{');
                int afterLabels = labels < 0 ? line.indexOf(' ') : line.lastIndexOf('}') + 1;
                String name = line.substring(0, labels < 0 ? afterLabels : labels);
                String[] rest = line.substring(afterLabels).trim().split("\\s+");
                try {
                    sums.merge(name, Double.parseDouble(rest[0]), Double::sum);
                } catch (NumberFormatException e) {
                    // e.g. +Inf, which no series of this sampler has: skip the line.
                }
            }
            return sums;
        }
    }
}
