package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.Outcomes;

@DisplayName("the platform's per-client limit in the report")
class IdentityLimitInReportTest {
    private static final long FAST = 20_000;
    private static final long REJECTED_FAST = 500;

    @TempDir
    Path dir;

    /** A phase at {@code rps} whose every second has {@code refused} answers of {@code outcome}, the rest ok. */
    private static SyntheticRun refusedIn(
            SyntheticRun run, int fromSecond, int seconds, long rps, long refused, String outcome) {
        for (int second = fromSecond; second < fromSecond + seconds; second++) {
            run.requests(second, rps - refused, Outcomes.OK, i -> FAST);
            run.requests(second, refused, outcome, i -> REJECTED_FAST);
        }
        return run;
    }

    private CapacityReport overLimitRun() {
        // a 10 s step at 300 req/s of which 60 per second came back 429 with the client's bucket empty, under a
        // per-client limit of 240 req/s
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 300);
        return ReportBuilder.build(ReportInputs.alone(
                refusedIn(run, 0, 10, 300, 60, Outcomes.rateLimited(240)).merge(), SloSet.defaults()));
    }

    @Test
    @DisplayName("a phase refused by the per-client limit is not measured and judged against no SLO, not failed")
    void identityLimitedPhaseIsNotMeasured() {
        // Given a run whose only phase was refused in part by the per-client limit (20 % errors, far over the SLO)
        // When
        CapacityReport report = overLimitRun();

        // Then
        assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.NOT_MEASURED);
        assertThat(report.phases().get(0).slos()).isEmpty();
        assertThat(report.phases().get(0).generatorLimited()).isTrue();
    }

    @Test
    @DisplayName("a run whose judged windows were all refused by the per-client limit is INCONCLUSIVE, exit 2")
    void allRefusedRunIsInconclusive() {
        // Given a run whose only phase was refused in part by the per-client limit
        // When
        CapacityReport report = overLimitRun();

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ReportBuilder.exitCode(report)).isEqualTo(ReportBuilder.EXIT_NOT_PASSED);
        assertThat(report.knee().reason()).isEqualTo(KneeReason.ALL_GENERATOR_LIMITED);
    }

    @Test
    @DisplayName("the report names the cause: the per-client limit, the refused count and the seconds")
    void causeNamedWithCountAndSeconds() {
        // Given a run whose only phase was refused in part by the per-client limit
        // When
        CapacityReport report = overLimitRun();

        // Then
        assertThat(report.generatorWarnings()).hasSize(1);
        GeneratorWarning warning = report.generatorWarnings().get(0);
        assertThat(warning.fromSecond()).isZero();
        assertThat(warning.toSecond()).isEqualTo(10);
        assertThat(warning.reason())
                .startsWith("rejected by the platform's per-client limit of 240 req/s: the load test's own identity,"
                        + " not capacity (600 answers 429 RATE_LIMITED");
    }

    @Test
    @DisplayName("no knee is claimed from refused windows: the knee stays at the highest rate measured")
    void noKneeFromRefusedWindows() {
        // Given a step at 100 req/s that held, then one at 300 req/s refused in part by the per-client limit
        SyntheticRun run = new SyntheticRun(dir, 1).phase("low", 10, 100).phase("peak", 10, 300);
        for (int second = 0; second < 10; second++) {
            run.requests(second, 100, Outcomes.OK, i -> FAST);
        }
        refusedIn(run, 10, 10, 300, 60, Outcomes.rateLimited(240));

        // When
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

        // Then
        assertThat(report.knee().reason()).isEqualTo(KneeReason.NONE_FAILED);
        assertThat(report.knee().rps()).isEqualTo(100.0);
        assertThat(report.knee().failedAtRps()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    @DisplayName("a 429 that did not say the client's bucket was empty stays the platform's error")
    void otherRefusalsStayErrors() {
        // Given a phase at 300 req/s with 60 plain http_429 answers per second
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 300);

        // When
        CapacityReport report = ReportBuilder.build(
                ReportInputs.alone(refusedIn(run, 0, 10, 300, 60, "http_429").merge(), SloSet.defaults()));

        // Then
        assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.FAIL);
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.generatorWarnings()).isEmpty();
    }
}
