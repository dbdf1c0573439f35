package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.Outcomes;

@DisplayName("a runner out of file descriptors in the report")
class DescriptorLimitInReportTest {
    private static final long FAST = 20_000;

    @TempDir
    Path dir;

    /** A 10 s step at 300 req/s whose every second has {@code failed} requests ending as {@code outcome}. */
    private CapacityReport stepWith(String outcome, long failed) {
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 300);
        for (int second = 0; second < 10; second++) {
            run.requests(second, 300 - failed, Outcomes.OK, i -> FAST);
            run.requests(second, failed, outcome, i -> FAST);
        }
        return ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));
    }

    @Test
    @DisplayName("failures for want of a descriptor make the phase not measured, with no SLO judged: never FAIL")
    void notMeasuredNotFailed() {
        // Given 20 % of the requests failed while their runner had no descriptor left
        // When
        CapacityReport report = stepWith(Outcomes.OUT_OF_DESCRIPTORS, 60);

        // Then
        assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.NOT_MEASURED);
        assertThat(report.phases().get(0).slos()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    @DisplayName("the generator warning names the runner's descriptors and the count")
    void warningNamesTheCause() {
        // Given
        // When
        CapacityReport report = stepWith(Outcomes.OUT_OF_DESCRIPTORS, 60);

        // Then
        assertThat(report.generatorWarnings()).hasSize(1);
        assertThat(report.generatorWarnings().get(0).reason())
                .startsWith("a runner ran out of file descriptors: 600 requests failed without an answer");
    }

    @Test
    @DisplayName("connection failures while the runner had descriptors stay the platform's errors")
    void connectionFailuresStayThePlatforms() {
        // Given
        // When
        CapacityReport report = stepWith("connection", 60);

        // Then
        assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.FAIL);
        assertThat(report.generatorWarnings()).isEmpty();
    }
}
