package store.traffictacos.capacity.report.judge;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import store.traffictacos.capacity.report.model.CapacityReport.EndpointReport;
import store.traffictacos.capacity.report.model.Latencies;
import store.traffictacos.capacity.results.LatencyCounts;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.SeriesKey;

/** Latency and errors per endpoint over the whole run, from one pass over the series. */
public final class EndpointStats {
    private EndpointStats() {}

    public static List<EndpointReport> of(SortedMap<SeriesKey, LatencyCounts> series) {
        // One histogram per endpoint: a run has tens of endpoints, not tens of thousands.
        SortedMap<String, Histogram> latency = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        series.forEach((key, counts) -> {
            if (Outcomes.neverSent(key.outcome())) {
                return; // no request reached the platform
            }
            counts.addTo(latency.computeIfAbsent(key.endpoint(), endpoint -> Latencies.newHistogram()));
            if (Outcomes.isError(key.outcome())) {
                errors.merge(key.endpoint(), counts.totalCount(), Long::sum);
            }
        });
        return latency.entrySet().stream()
                .map(entry -> {
                    Histogram histogram = entry.getValue();
                    long requests = histogram.getTotalCount();
                    return new EndpointReport(
                            entry.getKey(),
                            requests,
                            Latencies.percentileMs(histogram, 50),
                            Latencies.percentileMs(histogram, 95),
                            Latencies.percentileMs(histogram, 99),
                            Latencies.maxMs(histogram),
                            (double) errors.getOrDefault(entry.getKey(), 0L) / requests);
                })
                .toList();
    }
}
