package store.traffictacos.capacity.platform.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * Datapoints CloudWatch holds, per series {@code <CacheClusterId>/<MetricName>}, and the
 * {@code GetMetricData} answers they give: for each query of a request, the datapoints of its series
 * in {@code [StartTime, EndTime)}, ascending, as CloudWatch answers {@code ScanBy TimestampAscending}.
 */
final class StoredDatapoints {
    private final Map<String, NavigableMap<Long, Double>> series = new ConcurrentHashMap<>();

    StoredDatapoints put(String seriesName, long epochMs, double value) {
        series.computeIfAbsent(seriesName, name -> new TreeMap<>()).put(epochMs, value);
        return this;
    }

    /** Answers every request with all its datapoints in one page, every query {@code Complete}. */
    Function<JsonNode, FakeCloudWatch.Reply> answers() {
        return request ->
                FakeCloudWatch.Reply.ok(page(results(request, timestamp -> true, status -> "Complete"), null));
    }

    /**
     * One result per query of the request: the datapoints of its series in the requested window that
     * {@code include} keeps, and the status {@code statusOf} gives its series.
     */
    List<Map<String, Object>> results(JsonNode request, LongPredicate include, Function<String, String> statusOf) {
        long start = epochMs(request.get("StartTime"));
        long end = epochMs(request.get("EndTime"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode query : request.get("MetricDataQueries")) {
            String name = seriesOf(query);
            List<Instant> timestamps = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            series.getOrDefault(name, new TreeMap<>()).subMap(start, end).forEach((timestamp, value) -> {
                if (include.test(timestamp)) {
                    timestamps.add(Instant.ofEpochMilli(timestamp));
                    values.add(value);
                }
            });
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Id", query.get("Id").asText());
            result.put("Label", name);
            result.put("Timestamps", timestamps);
            result.put("Values", values);
            result.put("StatusCode", statusOf.apply(name));
            results.add(result);
        }
        return results;
    }

    /** A {@code GetMetricData} response body; {@code nextToken} null on the last page. */
    static Map<String, Object> page(List<Map<String, Object>> results, String nextToken) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("MetricDataResults", results);
        page.put("Messages", List.of());
        if (nextToken != null) {
            page.put("NextToken", nextToken);
        }
        return page;
    }

    /** {@code <CacheClusterId>/<MetricName>} of one query of a request. */
    static String seriesOf(JsonNode query) {
        JsonNode metric = query.get("MetricStat").get("Metric");
        return metric.get("Dimensions").get(0).get("Value").asText() + "/"
                + metric.get("MetricName").asText();
    }

    /** A CBOR timestamp (epoch seconds, possibly fractional) in epoch milliseconds. */
    static long epochMs(JsonNode timestamp) {
        return Math.round(timestamp.asDouble() * 1000);
    }
}
