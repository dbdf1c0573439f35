package store.traffictacos.capacity.report.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ResourceThreshold")
class ResourceThresholdTest {
    private final ResourceThreshold podCpu =
            new ResourceThreshold("pod CPU", "kubernetes", "workload/*/*/cpu_pct_of_request", 80);

    @Test
    @DisplayName("'*' matches one whole path segment of the series, and the source must be the same")
    void starIsOneSegment() {
        assertThat(podCpu.matches("kubernetes", "workload/tacos-app/gateway-api/cpu_pct_of_request"))
                .isTrue();
        assertThat(podCpu.matches("kubernetes", "workload/tacos-app/cpu_pct_of_request"))
                .isFalse();
        assertThat(podCpu.matches("kubernetes", "workload/a/b/c/cpu_pct_of_request"))
                .isFalse();
        assertThat(podCpu.matches("kubernetes", "workload/tacos-app/gateway-api/cpu_pct_of_request_max"))
                .isFalse();
        assertThat(podCpu.matches("redis", "workload/tacos-app/gateway-api/cpu_pct_of_request"))
                .isFalse();
    }

    @Test
    @DisplayName("regex characters in the pattern are literal")
    void literalOtherwise() {
        ResourceThreshold dotted = new ResourceThreshold("x", "redis", "10.0.0.1:6379/cpu_pct", 80);

        assertThat(dotted.matches("redis", "10.0.0.1:6379/cpu_pct")).isTrue();
        assertThat(dotted.matches("redis", "10a0b0c1:6379/cpu_pct")).isFalse();
    }

    @Test
    @DisplayName("a resource entry missing a field is a one-line error naming the entry and the field")
    void missingField() {
        assertThatThrownBy(() -> SloFile.settings("""
                resources:
                  - {name: hot pods, source: kubernetes, above: 50}
                """, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: resources[0]: missing field 'series'");
    }

    @Test
    @DisplayName("two resource entries with one name are an error naming the second")
    void duplicateName() {
        assertThatThrownBy(() -> SloFile.settings("""
                resources:
                  - {name: cpu, source: redis, series: "*/cpu_pct", above: 50}
                  - {name: cpu, source: kubernetes, series: "workload/*/*/cpu_pct_of_request", above: 50}
                """, "slo.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slo.yaml: resources[1].name: duplicate resource name 'cpu'");
    }

    @Test
    @DisplayName("an empty resources list turns the warnings off; leaving it out keeps the runbook defaults")
    void emptyListOrDefaults() {
        assertThat(SloFile.settings("resources: []\n", "slo.yaml").resources()).isEmpty();
        assertThat(SloFile.settings("settleSeconds: 5\n", "slo.yaml").resources())
                .isEqualTo(ResourceThreshold.defaults());
    }
}
