package store.traffictacos.capacity.platform.cloudwatch;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which ElastiCache nodes {@link ElastiCacheMetrics} reads from CloudWatch, and how.
 * Credentials always come from the AWS SDK's default chain (IRSA on EKS, environment, profile).
 *
 * @param cacheClusterIds  the ElastiCache node ids (the {@code CacheClusterId} dimension), e.g.
 *                         {@code tacos-redis-0001-001}; at least one, duplicates dropped
 * @param region           e.g. {@code ap-northeast-2}, or null for the SDK's default region chain
 *                         ({@code AWS_REGION}, profile, instance metadata)
 * @param endpointOverride the CloudWatch endpoint (a VPC endpoint, a local test server), or null
 *                         for the region's public one
 * @param period           the CloudWatch aggregation period: a positive multiple of 60 s, or 1, 5,
 *                         10 or 30 s for high-resolution metrics; null for 60 s
 * @param metrics          what to read, null for every {@link ElastiCacheMetric}
 */
public record CloudWatchSettings(
        List<String> cacheClusterIds,
        String region,
        URI endpointOverride,
        Duration period,
        List<ElastiCacheMetric> metrics) {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(60);
    private static final Set<Long> HIGH_RESOLUTION_SECONDS = Set.of(1L, 5L, 10L, 30L);

    public CloudWatchSettings {
        Objects.requireNonNull(cacheClusterIds, "cacheClusterIds");
        if (cacheClusterIds.isEmpty() || cacheClusterIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException(
                    "cacheClusterIds must be one or more non-blank ElastiCache node ids: " + cacheClusterIds);
        }
        cacheClusterIds = List.copyOf(new LinkedHashSet<>(cacheClusterIds));
        if (region != null && region.isBlank()) {
            region = null;
        }
        if (endpointOverride != null
                && (endpointOverride.getHost() == null
                        || !"http".equals(endpointOverride.getScheme())
                                && !"https".equals(endpointOverride.getScheme()))) {
            throw new IllegalArgumentException(
                    "endpointOverride must be an http(s)://host[:port] URI: " + endpointOverride);
        }
        period = period == null ? DEFAULT_PERIOD : period;
        if (!validPeriod(period)) {
            throw new IllegalArgumentException(
                    "period must be a positive multiple of 60 s, or 1, 5, 10 or 30 s: " + period);
        }
        metrics = metrics == null ? List.of(ElastiCacheMetric.values()) : List.copyOf(new LinkedHashSet<>(metrics));
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must name at least one metric");
        }
    }

    /** These nodes, the default region chain, the public endpoint, 60 s, every metric. */
    public static CloudWatchSettings of(String... cacheClusterIds) {
        return new CloudWatchSettings(List.of(cacheClusterIds), null, null, null, null);
    }

    public CloudWatchSettings withRegion(String region) {
        return new CloudWatchSettings(cacheClusterIds, region, endpointOverride, period, metrics);
    }

    public CloudWatchSettings withEndpointOverride(URI endpointOverride) {
        return new CloudWatchSettings(cacheClusterIds, region, endpointOverride, period, metrics);
    }

    public CloudWatchSettings withPeriod(Duration period) {
        return new CloudWatchSettings(cacheClusterIds, region, endpointOverride, period, metrics);
    }

    public CloudWatchSettings withMetrics(List<ElastiCacheMetric> metrics) {
        return new CloudWatchSettings(cacheClusterIds, region, endpointOverride, period, metrics);
    }

    long periodSeconds() {
        return period.toSeconds();
    }

    private static boolean validPeriod(Duration period) {
        // CloudWatch takes whole seconds only; below a minute only the high-resolution periods exist.
        if (period.getNano() != 0 || period.isNegative() || period.isZero()) {
            return false;
        }
        long seconds = period.toSeconds();
        return seconds % 60 == 0 || HIGH_RESOLUTION_SECONDS.contains(seconds);
    }
}
