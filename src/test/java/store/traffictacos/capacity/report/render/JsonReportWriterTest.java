package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.report.SampleReports;

@DisplayName("JsonReportWriter")
class JsonReportWriterTest {
    private final JsonNode json = parse(JsonReportWriter.render(SampleReports.failingAtPeak()));

    @Test
    @DisplayName("the top level has the format version, the verdict as an enum name and the knee")
    void topLevelFields() {
        // Given the sample report rendered

        // Then
        assertThat(json.path("format").asText()).isEqualTo("tacos-report/1");
        assertThat(json.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.path("knee").path("rps").asDouble()).isEqualTo(400.0);
        assertThat(json.path("knee").path("limitedBy").asText()).isEqualTo("p99 latency");
    }

    @Test
    @DisplayName("each phase has name, rates in rps, latencies in ms, the error rate as a fraction and its SLOs")
    void phaseFields() {
        // Given the sample report rendered

        // When
        JsonNode peak = json.path("phases").get(2);

        // Then
        assertThat(peak.fieldNames())
                .toIterable()
                .contains("name", "offeredRps", "achievedRps", "p50Ms", "p95Ms", "p99Ms", "maxMs", "errorRate", "slos");
        assertThat(peak.path("name").asText()).isEqualTo("peak");
        assertThat(peak.path("errorRate").asDouble()).isEqualTo(0.008);
        JsonNode p99 = peak.path("slos").get(0);
        assertThat(p99.fieldNames()).toIterable().contains("name", "threshold", "value", "pass");
        assertThat(p99.path("value").asDouble()).isEqualTo(180.4);
        assertThat(p99.path("pass").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("the JSON is pretty-printed, one field per line, and ends with a line break")
    void prettyPrinted() {
        // When
        String rendered = JsonReportWriter.render(SampleReports.failingAtPeak());

        // Then
        assertThat(rendered).contains("\n  \"format\" : \"tacos-report/1\",\n").endsWith("}\n");
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
