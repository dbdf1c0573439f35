package store.traffictacos.capacity.report.judge;

import java.util.Map;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.settings.PriceTable;

/**
 * Prices the node-hours of a run. The cost per million requests at the knee assumes the run's
 * average fleet (node-hours ÷ run hours) is what serves the knee rate: an estimate of the cost of
 * capacity, not a bill.
 */
public final class CostCalculator {
    public static final String NO_NODE_SERIES = "no node series: platform metrics not collected";

    private CostCalculator() {}

    /**
     * @param nodeHours hours of each instance type's nodes during the run; empty when unknown
     * @param runSeconds the run's length
     * @param kneeRps the knee, or null when none
     */
    public static Cost cost(Map<String, Double> nodeHours, PriceTable prices, double runSeconds, Double kneeRps) {
        if (nodeHours.isEmpty()) {
            return Cost.notAvailable(NO_NODE_SERIES);
        }
        double runUsd = 0;
        for (Map.Entry<String, Double> nodes : nodeHours.entrySet()) {
            Double price = prices.usdPerHour(nodes.getKey()).orElse(null);
            if (price == null) {
                return Cost.notAvailable("no price for instance type " + nodes.getKey() + " (add it under prices:)");
            }
            runUsd += nodes.getValue() * price;
        }
        if (kneeRps == null || kneeRps <= 0 || runSeconds <= 0) {
            return new Cost(runUsd, null, "no knee: no offered rate held every SLO");
        }
        double fleetUsdPerHour = runUsd / (runSeconds / 3600);
        double requestsPerHour = kneeRps * 3600;
        return new Cost(
                runUsd,
                fleetUsdPerHour / requestsPerHour * 1_000_000,
                "node-hours × on-demand prices; per million at the knee with the run's average fleet");
    }
}
