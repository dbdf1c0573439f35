package store.traffictacos.capacity.report.settings;

import java.util.List;

/**
 * What the SLO file sets: the SLOs, the regression rules against a baseline, the prices and the
 * platform resource thresholds.
 */
public record ReportSettings(
        SloSet slos, RegressionRules regression, PriceTable prices, List<ResourceThreshold> resources) {
    public ReportSettings {
        resources = List.copyOf(resources);
    }

    public static ReportSettings defaults() {
        return new ReportSettings(
                SloSet.defaults(), RegressionRules.defaults(), PriceTable.defaults(), ResourceThreshold.defaults());
    }

    public ReportSettings withPrices(PriceTable prices) {
        return new ReportSettings(slos, regression, prices, resources);
    }
}
