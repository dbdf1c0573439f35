package store.traffictacos.capacity.report;

/** What the SLO file sets: the SLOs, the regression rules against a baseline and the prices. */
public record ReportSettings(SloSet slos, RegressionRules regression, PriceTable prices) {
    public static ReportSettings defaults() {
        return new ReportSettings(SloSet.defaults(), RegressionRules.defaults(), PriceTable.defaults());
    }

    public ReportSettings withSlos(SloSet slos) {
        return new ReportSettings(slos, regression, prices);
    }

    public ReportSettings withPrices(PriceTable prices) {
        return new ReportSettings(slos, regression, prices);
    }
}
