package store.traffictacos.capacity.report.settings;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A platform resource that gives out above a level: a warning judged per phase beside the SLOs,
 * and what names the resource at the capacity knee. It applies to every platform series of
 * {@code source} whose name matches {@code series}, where {@code *} stands for one path segment
 * (any text without {@code /}), e.g. {@code workload/*}{@code /*}{@code /cpu_pct_of_request}.
 *
 * @param above the series crosses when a sample is strictly above it (flags are 0 or 1, so
 *     {@code above: 0} means "raised")
 */
public record ResourceThreshold(String name, String source, String series, double above) {
    public ResourceThreshold {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(series, "series");
    }

    /**
     * The runbooks' warning levels: pod CPU above 80 % of its request (the workload's average, as the
     * HPA computes it), the fullest pod's memory above 85 % of its limit, an HPA at its maximum, a
     * node pool that cannot add a node, and Redis CPU, memory and connections, both from CloudWatch
     * (ElastiCache) and from INFO.
     */
    public static List<ResourceThreshold> defaults() {
        return List.of(
                new ResourceThreshold("HPA at max replicas", "kubernetes", "hpa/*/*/at_max_replicas", 0),
                new ResourceThreshold("node pool at its limit", "kubernetes", "nodepool/*/at_limit", 0),
                new ResourceThreshold("pod CPU of request", "kubernetes", "workload/*/*/cpu_pct_of_request", 80),
                new ResourceThreshold("pod memory of limit", "kubernetes", "workload/*/*/memory_pct_of_limit", 85),
                new ResourceThreshold("Redis engine CPU", "cloudwatch", "*/EngineCPUUtilization", 80),
                new ResourceThreshold("Redis memory", "cloudwatch", "*/DatabaseMemoryUsagePercentage", 80),
                new ResourceThreshold("Redis connections", "cloudwatch", "*/CurrConnections", 5_000),
                new ResourceThreshold("Redis CPU (INFO)", "redis", "*/cpu_pct", 80),
                new ResourceThreshold("Redis memory (INFO)", "redis", "*/used_memory_pct", 80),
                new ResourceThreshold("Redis connections (INFO)", "redis", "*/connected_clients", 5_000));
    }

    public boolean matches(String sampleSource, String sampleSeries) {
        return source.equals(sampleSource) && pattern().matcher(sampleSeries).matches();
    }

    private Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        for (String literal : series.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}
