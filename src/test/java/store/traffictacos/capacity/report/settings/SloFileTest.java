package store.traffictacos.capacity.report.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.report.settings.SloSet.Slo;

@DisplayName("SloFile")
class SloFileTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a complete file gives its SLOs in order, its settle time, its behind ratio and its settled rise")
    void completeFile() throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("slo.yaml"), """
                settleSeconds: 10
                generatorBehindRatio: 0.9
                settledRise: 0.25
                slos:
                  - {name: p99 latency, metric: p99_ms, below: 100}
                  - {name: p95 latency, metric: p95_ms, below: 500}
                  - {name: error rate, metric: error_rate, below: 0.01}
                  - name: worst case
                    metric: max_ms
                    below: 2000
                """);

        // When
        SloSet slos = SloFile.parse(file);

        // Then
        assertThat(slos)
                .isEqualTo(new SloSet(
                        List.of(
                                new Slo("p99 latency", Metric.P99_MS, 100),
                                new Slo("p95 latency", Metric.P95_MS, 500),
                                new Slo("error rate", Metric.ERROR_RATE, 0.01),
                                new Slo("worst case", Metric.MAX_MS, 2000)),
                        10,
                        0.9,
                        0.25));
    }

    @Test
    @DisplayName("missing keys take the default values")
    void missingKeysDefault() {
        // Given only a settle time
        String yaml = "settleSeconds: 0\n";

        // When
        SloSet slos = SloFile.parse(yaml, "slo.yaml");

        // Then
        SloSet defaults = SloSet.defaults();
        assertThat(slos).isEqualTo(new SloSet(defaults.slos(), 0, defaults.generatorBehindRatio()));
    }

    @Test
    @DisplayName("an empty file is the default SLO set")
    void emptyFileIsDefaults() {
        // When / Then
        assertThat(SloFile.parse("# nothing to change\n", "slo.yaml")).isEqualTo(SloSet.defaults());
    }

    @Test
    @DisplayName("an unknown metric is one line naming the place and every valid metric")
    void unknownMetric() {
        // Given
        String yaml = """
                slos:
                  - {name: p99 latency, metric: p99_ms, below: 100}
                  - {name: p999 latency, metric: p999, below: 200}
                """;

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "slo.yaml line 3: slos[1].metric: unknown metric 'p999'; "
                                + "valid: p50_ms, p95_ms, p99_ms, max_ms, error_rate, timeout_rate, not_ready_rate, journey_completion, purchase_completion, admission_p95_s");
    }

    @Test
    @DisplayName("an unknown field is rejected, naming the accepted ones")
    void unknownField() {
        // Given a misspelt key
        String yaml = "settleSecs: 5\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 1: settleSecs: unknown field "
                        + "(expected generatorBehindRatio, prices, regression, resources, settleSeconds, settledRise, "
                        + "slos)");
    }

    @Test
    @DisplayName("an unknown field inside an SLO is rejected too")
    void unknownSloField() {
        // Given
        String yaml = "slos:\n  - {name: p99, metric: p99_ms, over: 100}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "slo.yaml line 2: slos[0].over: unknown field (expected above, below, endpoint, metric, name)");
    }

    @Test
    @DisplayName("a share of journeys that got through is an SLO above its threshold, the time to admission below")
    void journeyMetrics() {
        // Given
        String yaml = "slos:\n  - {name: completed, metric: journey_completion, above: 0.645}\n"
                + "  - {name: admission, metric: admission_p95_s, below: 30}\n";

        // When
        SloSet slos = SloFile.parse(yaml, "slo.yaml");

        // Then
        assertThat(slos.slos())
                .containsExactly(
                        new SloSet.Slo("completed", SloSet.Metric.JOURNEY_COMPLETION, 0.645),
                        new SloSet.Slo("admission", SloSet.Metric.ADMISSION_P95_S, 30));
    }

    @Test
    @DisplayName("a completion given with below is rejected: it must stay above its threshold")
    void completionBelow() {
        // Given
        String yaml = "slos:\n  - {name: bought, metric: purchase_completion, below: 0.9}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: slos[0]: purchase_completion must stay above its threshold: give 'above', not"
                        + " 'below'");
    }

    @Test
    @DisplayName("a latency given with above is rejected: it must stay below its threshold")
    void latencyAbove() {
        // Given
        String yaml = "slos:\n  - {name: p99, metric: p99_ms, above: 0.5}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: slos[0]: p99_ms must stay below its threshold: give 'below', not 'above'");
    }

    @Test
    @DisplayName("a journey metric on one endpoint is rejected: it is judged on a phase's journeys")
    void journeyMetricOnEndpoint() {
        // Given
        String yaml = "slos:\n  - {name: completed, endpoint: confirm, metric: journey_completion, above: 0.6}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("slo.yaml: slos[0].endpoint: journey_completion is judged on the journeys");
    }

    @Test
    @DisplayName("a negative threshold is rejected")
    void negativeThreshold() {
        // Given
        String yaml = "slos:\n  - {name: p99, metric: p99_ms, below: -1}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 2: slos[0].below: must be > 0, got -1.0");
    }

    @Test
    @DisplayName("an SLO without a threshold is rejected")
    void missingThreshold() {
        // Given
        String yaml = "slos:\n  - {name: p99, metric: p99_ms}\n";

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: slos[0]: missing field 'below'");
    }

    @Test
    @DisplayName("a negative settle time is rejected")
    void negativeSettle() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("settleSeconds: -5\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 1: settleSeconds: must be >= 0, got -5");
    }

    @Test
    @DisplayName("a behind ratio outside (0, 1] is rejected")
    void ratioOutOfRange() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("generatorBehindRatio: 97\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 1: generatorBehindRatio: must be in (0, 1], got 97.0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-0.1"})
    @DisplayName("a settled rise of 0 or less is rejected: any noise would mark a step not settled")
    void settledRiseNotPositive(String rise) {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("settledRise: " + rise + "\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("slo.yaml line 1: settledRise: must be > 0, got ");
    }

    @Test
    @DisplayName("an empty SLO list is rejected: a run judged against nothing would always pass")
    void emptySloList() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("slos: []\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: slos: must list at least one SLO (leave it out for the defaults)");
    }

    @Test
    @DisplayName("two SLOs of the same name are rejected, since results are reported by name")
    void duplicateNames() {
        // Given
        String yaml = """
                slos:
                  - {name: latency, metric: p99_ms, below: 100}
                  - {name: latency, metric: p95_ms, below: 500}
                """;

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(yaml, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: slos[1].name: duplicate SLO name 'latency'");
    }

    @Test
    @DisplayName("a value of the wrong type is one line naming the field")
    void wrongType() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("settleSeconds: soon\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 1: settleSeconds: expected a whole number, got text 'soon'");
    }

    @Test
    @DisplayName("invalid YAML is one line naming the file")
    void invalidYaml() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parse("slos: [\n  {name: x\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 3: invalid YAML: expected ',' or '}', but got <stream end> "
                        + "(while parsing a flow mapping from line 2)");
    }

    @Test
    @DisplayName("a missing file is one line naming it")
    void missingFile() {
        // Given
        Path missing = dir.resolve("x");

        // When / Then
        assertThatThrownBy(() -> SloFile.parse(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read SLO file " + missing + ": No such file");
    }

    @Test
    @DisplayName("regression rules and prices are read; prices override the defaults type by type")
    void regressionAndPrices() {
        // Given
        String yaml = """
                regression:
                  p99IncreasePercent: 15
                  kneeDecreasePercent: 3
                  errorRateIncrease: 0.01
                prices: {c7i.xlarge: 0.2, m5.large: 1}
                """;

        // When
        ReportSettings settings = SloFile.settings(yaml, "slo.yaml");

        // Then
        assertThat(settings.regression()).isEqualTo(new RegressionRules(15, 3, 0.01));
        assertThat(settings.prices().usdPerHour())
                .containsEntry("c7i.xlarge", 0.2)
                .containsEntry("m5.large", 1.0)
                .containsEntry("t3.medium", PriceTable.defaults().usdPerHour().get("t3.medium"));
    }

    @Test
    @DisplayName("a missing regression key takes its default")
    void regressionDefaults() {
        // Given only the p99 rule
        String yaml = "regression: {p99IncreasePercent: 20}\n";

        // When
        RegressionRules rules = SloFile.settings(yaml, "slo.yaml").regression();

        // Then
        RegressionRules defaults = RegressionRules.defaults();
        assertThat(rules)
                .isEqualTo(new RegressionRules(20, defaults.kneeDecreasePercent(), defaults.errorRateIncrease()));
    }

    @Test
    @DisplayName("a negative regression limit is one line naming the place")
    void negativeRegressionLimit() {
        // When / Then
        assertThatThrownBy(() -> SloFile.settings("regression:\n  kneeDecreasePercent: -1\n", "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml line 2: regression.kneeDecreasePercent: must be >= 0, got -1.0");
    }

    @Test
    @DisplayName("a price file is a mapping of instance type to USD per hour")
    void priceFile() throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("prices.yaml"), "c7i.xlarge: 0.18\nr7i.large: 0.15\n");

        // When / Then
        assertThat(SloFile.parsePrices(file))
                .containsExactly(java.util.Map.entry("c7i.xlarge", 0.18), java.util.Map.entry("r7i.large", 0.15));
    }

    @Test
    @DisplayName("a price of 0 is one line naming the instance type")
    void zeroPrice() {
        // When / Then
        assertThatThrownBy(() -> SloFile.parsePrices("c7i.xlarge: 0\n", "prices.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prices.yaml: c7i.xlarge: must be > 0, got 0.0");
    }

    @Test
    @DisplayName("a missing price file is one line naming it")
    void missingPriceFile() {
        // Given
        Path missing = dir.resolve("prices.yaml");

        // When / Then
        assertThatThrownBy(() -> SloFile.parsePrices(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read price file " + missing + ": No such file");
    }

    @Test
    @DisplayName("an SLO can name the endpoint it is judged on, and the timeout and not-ready shares")
    void endpointAndNewMetrics() {
        // When
        SloSet slos = SloFile.settings(
                        "slos:\n"
                                + "  - {name: join failures, endpoint: join, metric: error_rate, below: 0.05}\n"
                                + "  - {name: timeouts, metric: timeout_rate, below: 0.001}\n"
                                + "  - {name: kept out, endpoint: enter, metric: not_ready_rate, below: 0.2}\n",
                        "slo.yaml")
                .slos();

        // Then
        assertThat(slos.slos())
                .containsExactly(
                        new SloSet.Slo("join failures", SloSet.Metric.ERROR_RATE, 0.05, "join"),
                        new SloSet.Slo("timeouts", SloSet.Metric.TIMEOUT_RATE, 0.001),
                        new SloSet.Slo("kept out", SloSet.Metric.NOT_READY_RATE, 0.2, "enter"));
    }
}
