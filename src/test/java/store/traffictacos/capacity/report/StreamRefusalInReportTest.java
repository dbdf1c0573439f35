package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.Outcomes;

@DisplayName("requests the runner's own HTTP/2 client refused, in the report")
class StreamRefusalInReportTest {
    private static final long FAST = 20_000;

    @TempDir
    Path dir;

    /** A 10 s step at 300 req/s whose every second has {@code refused} requests refused inside the runner. */
    private CapacityReport stepWith(long refused) {
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 300);
        for (int second = 0; second < 10; second++) {
            run.requests(second, 300 - refused, Outcomes.OK, i -> FAST);
            // failed inside the client at once: a latency of nothing, which must not lower the percentiles
            run.requests(second, refused, Outcomes.RUNNER_STREAM_REFUSED, i -> 1);
        }
        return ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));
    }

    @Test
    @DisplayName("a few are neither errors nor answers of the platform: the phase passes on its answers alone")
    void notThePlatformsErrors() {
        // Given 1 request in 300 refused by the runner's client
        // When
        CapacityReport report = stepWith(1);

        // Then
        CapacityReport.PhaseReport peak = report.phases().get(0);
        assertThat(peak.outcome()).isEqualTo(PhaseOutcome.PASS);
        assertThat(peak.errorsByKind()).isEmpty();
        assertThat(peak.p50Ms()).isEqualTo(20.0, offset(0.1));
        assertThat(peak.sentRps()).as("sent to the platform, per second").isEqualTo(299.0, offset(0.01));
    }

    @Test
    @DisplayName("many leave the seconds short of requests sent: not measured, and the warning names the client")
    void manyAreTheGeneratorsShortfall() {
        // Given 20 % of the requests refused by the runner's client
        // When
        CapacityReport report = stepWith(60);

        // Then
        assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.NOT_MEASURED);
        assertThat(report.generatorWarnings()).hasSize(1);
        assertThat(report.generatorWarnings().get(0).reason())
                .startsWith("the runners' own HTTP/2 client refused 600 requests")
                .contains("runners sent 2400 of 3000 scheduled requests");
    }
}
