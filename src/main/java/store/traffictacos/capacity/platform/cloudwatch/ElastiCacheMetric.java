package store.traffictacos.capacity.platform.cloudwatch;

/**
 * The ElastiCache node metrics read from CloudWatch ({@code AWS/ElastiCache}, dimension
 * {@code CacheClusterId}), with the statistic asked for and the unit of the resulting samples.
 * Gauges are averaged over the period; counters are summed over the period and divided by it,
 * so they read as a rate whatever the period.
 */
public enum ElastiCacheMetric {
    ENGINE_CPU_UTILIZATION("EngineCPUUtilization", Statistic.AVERAGE, "%"),
    CPU_UTILIZATION("CPUUtilization", Statistic.AVERAGE, "%"),
    DATABASE_MEMORY_USAGE_PERCENTAGE("DatabaseMemoryUsagePercentage", Statistic.AVERAGE, "%"),
    CURR_CONNECTIONS("CurrConnections", Statistic.AVERAGE, "connections"),
    CACHE_HITS("CacheHits", Statistic.SUM, "/s"),
    CACHE_MISSES("CacheMisses", Statistic.SUM, "/s"),
    NETWORK_BYTES_IN("NetworkBytesIn", Statistic.SUM, "bytes/s"),
    NETWORK_BYTES_OUT("NetworkBytesOut", Statistic.SUM, "bytes/s"),
    EVICTIONS("Evictions", Statistic.SUM, "/s");

    /** The CloudWatch statistics used here, by their CloudWatch names. */
    enum Statistic {
        AVERAGE("Average"),
        SUM("Sum");

        private final String cloudWatchName;

        Statistic(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Statistic statistic;
    private final String unit;

    ElastiCacheMetric(String metricName, Statistic statistic, String unit) {
        this.metricName = metricName;
        this.statistic = statistic;
        this.unit = unit;
    }

    /** The CloudWatch metric name, e.g. {@code EngineCPUUtilization}. */
    public String metricName() {
        return metricName;
    }

    Statistic statistic() {
        return statistic;
    }

    /** The unit of the samples, e.g. {@code %} or {@code bytes/s}. */
    public String unit() {
        return unit;
    }

    /** The sample value of one CloudWatch datapoint: a sum becomes a per-second rate over the period. */
    double sampleValue(double datapoint, long periodSeconds) {
        return statistic == Statistic.SUM ? datapoint / periodSeconds : datapoint;
    }
}
