package store.traffictacos.capacity.platform.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * One {@code GetMetricData} query: one metric of one node.
 *
 * @param id the query id CloudWatch echoes in its result (a lowercase letter first, as it requires)
 */
record MetricQuery(String id, String cacheClusterId, ElastiCacheMetric metric) {

    /** Every node's every metric, cut in batches of at most {@code maxPerRequest}. */
    static List<List<MetricQuery>> batches(CloudWatchSettings settings, int maxPerRequest) {
        List<MetricQuery> all = new ArrayList<>();
        for (String node : settings.cacheClusterIds()) {
            for (ElastiCacheMetric metric : settings.metrics()) {
                all.add(new MetricQuery("q" + all.size(), node, metric));
            }
        }
        List<List<MetricQuery>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += maxPerRequest) {
            batches.add(List.copyOf(all.subList(from, Math.min(all.size(), from + maxPerRequest))));
        }
        return batches;
    }

    /** The sample series: {@code <CacheClusterId>/<MetricName>}. */
    String series() {
        return cacheClusterId + "/" + metric.metricName();
    }

    MetricDataQuery toSdk(long periodSeconds) {
        Metric cloudWatchMetric = Metric.builder()
                .namespace(ElastiCacheMetrics.NAMESPACE)
                .metricName(metric.metricName())
                .dimensions(Dimension.builder()
                        .name(ElastiCacheMetrics.DIMENSION)
                        .value(cacheClusterId)
                        .build())
                .build();
        return MetricDataQuery.builder()
                .id(id)
                .metricStat(MetricStat.builder()
                        .metric(cloudWatchMetric)
                        .period(Math.toIntExact(periodSeconds))
                        .stat(metric.statistic().cloudWatchName())
                        .build())
                .build();
    }
}
