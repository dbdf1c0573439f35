package store.traffictacos.capacity.report.settings;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * On-demand USD per hour by instance type. The defaults are list prices (Linux, on-demand, region
 * ap-northeast-2) of the platform's node pools and its ElastiCache nodes as known when written;
 * they are not fetched, so a changed price or a discount (savings plan, spot) is set in the SLO
 * file's {@code prices:} or a {@code --prices} file, which override them type by type.
 */
public record PriceTable(Map<String, Double> usdPerHour) {
    public PriceTable {
        usdPerHour = Collections.unmodifiableMap(new TreeMap<>(usdPerHour));
    }

    public static PriceTable defaults() {
        return new PriceTable(Map.of(
                "c7i.xlarge", 0.2016,
                "c7i.2xlarge", 0.4032,
                "m7i.xlarge", 0.2478,
                "m7i.2xlarge", 0.4956,
                "r7i.large", 0.1596,
                "t3.medium", 0.052,
                "cache.r7g.large", 0.2744));
    }

    /** This table with {@code overrides} replacing or adding prices; the other types keep theirs. */
    public PriceTable with(Map<String, Double> overrides) {
        Map<String, Double> merged = new TreeMap<>(usdPerHour);
        merged.putAll(overrides);
        return new PriceTable(merged);
    }

    public Optional<Double> usdPerHour(String instanceType) {
        return Optional.ofNullable(usdPerHour.get(instanceType));
    }
}
