package store.traffictacos.capacity.report.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportInputs;
import store.traffictacos.capacity.report.SyntheticRun;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.Cost;
import store.traffictacos.capacity.report.settings.PriceTable;
import store.traffictacos.capacity.report.settings.SloSet;

@DisplayName("CostCalculator")
class CostCalculatorTest {
    private final PriceTable prices = new PriceTable(Map.of("c7i.xlarge", 0.2, "m7i.2xlarge", 0.5));

    @TempDir
    Path dir;

    @Test
    @DisplayName("the run costs the sum of node-hours × price per instance type")
    void runCost() {
        // Given 10 c7i.xlarge hours at $0.2 and 2 m7i.2xlarge hours at $0.5
        Map<String, Double> nodeHours = Map.of("c7i.xlarge", 10.0, "m7i.2xlarge", 2.0);

        // When
        Cost cost = CostCalculator.cost(nodeHours, prices, 3600, 500.0);

        // Then
        assertThat(cost.runUsd()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    @DisplayName("a million requests at the knee cost the fleet's hourly cost ÷ the requests it serves per hour")
    void perMillionAtKnee() {
        // Given $3 over a 1 h run: $3/h; 500 req/s at the knee: 1.8 M requests/h
        Map<String, Double> nodeHours = Map.of("c7i.xlarge", 10.0, "m7i.2xlarge", 2.0);

        // When
        Cost cost = CostCalculator.cost(nodeHours, prices, 3600, 500.0);

        // Then $3 / 1.8 M × 1 M
        assertThat(cost.perMillionRequestsAtKneeUsd()).isCloseTo(3.0 / 1.8, within(1e-9));
    }

    @Test
    @DisplayName("a half-hour run with the same node-hours runs twice the fleet per hour")
    void shorterRunBiggerFleet() {
        // When
        Cost cost = CostCalculator.cost(Map.of("c7i.xlarge", 10.0), prices, 1800, 500.0);

        // Then $2 in 0.5 h: $4/h over 1.8 M requests/h
        assertThat(cost.perMillionRequestsAtKneeUsd()).isCloseTo(4.0 / 1.8, within(1e-9));
    }

    @Test
    @DisplayName("without node-hours the cost is n/a: no node series")
    void noNodeHours() {
        // When
        Cost cost = CostCalculator.cost(Map.of(), prices, 3600, 500.0);

        // Then
        assertThat(cost).isEqualTo(new Cost(null, null, "no node series: platform metrics not collected"));
    }

    @Test
    @DisplayName("an instance type without a price makes the cost n/a, naming the type")
    void unknownType() {
        // When
        Cost cost = CostCalculator.cost(Map.of("x9.huge", 1.0), prices, 3600, 500.0);

        // Then
        assertThat(cost.runUsd()).isNull();
        assertThat(cost.note()).contains("x9.huge");
    }

    @Test
    @DisplayName("without a knee the run has a cost but no cost per million requests")
    void noKnee() {
        // When
        Cost cost = CostCalculator.cost(Map.of("c7i.xlarge", 1.0), prices, 3600, null);

        // Then
        assertThat(cost.runUsd()).isCloseTo(0.2, within(1e-9));
        assertThat(cost.perMillionRequestsAtKneeUsd()).isNull();
    }

    @Test
    @DisplayName("a built report's cost is n/a while the results carry no node series")
    void builtReportCostNotAvailable() {
        // Given
        SyntheticRun run = new SyntheticRun(dir, 1).phase("steady", 10, 10).sendAsScheduled(second -> 1_000);

        // When
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

        // Then
        assertThat(report.cost()).isEqualTo(Cost.notAvailable(CostCalculator.NO_NODE_SERIES));
    }

    @Test
    @DisplayName("the default prices cover the platform's node-pool and ElastiCache instance types")
    void defaultPrices() {
        // When / Then
        assertThat(PriceTable.defaults().usdPerHour())
                .containsOnlyKeys(
                        "c7i.xlarge",
                        "c7i.2xlarge",
                        "m7i.xlarge",
                        "m7i.2xlarge",
                        "r7i.large",
                        "t3.medium",
                        "cache.r7g.large")
                .allSatisfy((type, usd) -> assertThat(usd).isPositive());
    }

    @Test
    @DisplayName("overriding a price keeps the other defaults")
    void overridePrice() {
        // When
        PriceTable table = PriceTable.defaults().with(Map.of("c7i.xlarge", 0.1));

        // Then
        assertThat(table.usdPerHour("c7i.xlarge")).contains(0.1);
        assertThat(table.usdPerHour("t3.medium"))
                .isEqualTo(PriceTable.defaults().usdPerHour("t3.medium"));
    }
}
