package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.Comparison.PhaseDelta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.judge.BaselineComparer;
import store.traffictacos.capacity.report.model.Comparison;

@DisplayName("Regression against a baseline")
class RegressionTest {
    private static final long DAY_MS = 86_400_000L;
    private final CapacityReport baseline = Baselines.run("base", SampleReports.START_EPOCH_MS - DAY_MS, Verdict.PASS,
            400.0);
    private final CapacityReport passing = Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 400.0);

    private static CapacityReport compared(CapacityReport run, CapacityReport baseline) {
        return ReportBuilder.withHistory(run, History.of(baseline, null, History.DEFAULT_TREND_RUNS),
                RegressionRules.defaults());
    }

    @Test
    @DisplayName("p99 11 % above the baseline makes a passing run REGRESSED, naming the rule and phase")
    void p99Plus11Regresses() {
        // Given every phase's p99 11 % higher than the baseline's
        CapacityReport run = Baselines.p99Times(passing, 1.11);

        // When
        CapacityReport report = compared(run, baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(report.comparison().broken()).extracting(RuleCheck::rule, RuleCheck::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(RegressionRules.P99_INCREASE, "peak"));
    }

    @Test
    @DisplayName("p99 9 % above the baseline stays PASS, every check held")
    void p99Plus9Passes() {
        // Given every phase's p99 9 % higher than the baseline's
        CapacityReport run = Baselines.p99Times(passing, 1.09);

        // When
        CapacityReport report = compared(run, baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.comparison().broken()).isEmpty();
        assertThat(report.comparison().checks()).isNotEmpty();
    }

    @Test
    @DisplayName("a knee 6 % below the baseline's makes a passing run REGRESSED by the knee rule")
    void kneeMinus6Regresses() {
        // Given a knee of 376 req/s against 400
        CapacityReport run = Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 376.0);

        // When
        CapacityReport report = compared(run, baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(report.comparison().broken()).singleElement().satisfies(check -> {
            assertThat(check.rule()).isEqualTo(RegressionRules.KNEE_DECREASE);
            assertThat(check.change()).isCloseTo(-6, within(1e-9));
        });
    }

    @Test
    @DisplayName("a knee 4 % below the baseline's is within the rule")
    void kneeMinus4Passes() {
        // Given a knee of 384 req/s against 400
        CapacityReport run = Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 384.0);

        // When / Then
        assertThat(compared(run, baseline).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    @DisplayName("an error rate 0.6 percentage points above the baseline's breaks the error rate rule")
    void errorRateIncreaseRegresses() {
        // Given every phase with 0.006 more errors
        CapacityReport run = Baselines.withPhases(passing,
                phase -> Baselines.withP99AndErrors(phase, phase.p99Ms(), phase.errorRate() + 0.006));

        // When
        CapacityReport report = compared(run, baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(report.comparison().broken()).extracting(RuleCheck::rule).containsOnly(
                RegressionRules.ERROR_RATE_INCREASE);
    }

    @Test
    @DisplayName("a FAIL stays FAIL when a rule also broke, the broken rule still listed")
    void failStaysFail() {
        // Given a failing run whose p99 grew 11 %
        CapacityReport run = Baselines.p99Times(Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.FAIL, 400.0),
                1.11);

        // When
        CapacityReport report = compared(run, baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.comparison().broken()).isNotEmpty();
    }

    @Test
    @DisplayName("the rules are data: a 15 % p99 limit lets 11 % pass")
    void rulesAreData() {
        // Given
        CapacityReport run = Baselines.p99Times(passing, 1.11);

        // When
        CapacityReport report = ReportBuilder.withHistory(run, History.of(baseline, null, 20),
                new RegressionRules(15, 5, 0.005));

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    @DisplayName("per phase the comparison gives p99 then and now, the change in ms and in percent")
    void phaseDeltas() {
        // Given
        CapacityReport run = Baselines.p99Times(passing, 1.5);

        // When
        Comparison comparison = BaselineComparer.compare(run, baseline, RegressionRules.defaults());

        // Then the sample's peak p99 is 180.4 ms
        PhaseDelta peak = comparison.phases().stream().filter(phase -> phase.phase().equals("peak")).findFirst()
                .orElseThrow();
        assertThat(peak.p99Ms().baseline()).isEqualTo(180.4);
        assertThat(peak.p99Ms().current()).isCloseTo(270.6, within(1e-9));
        assertThat(peak.p99Ms().change()).isCloseTo(90.2, within(1e-9));
        assertThat(peak.p99Ms().changePercent()).isCloseTo(50, within(1e-9));
        assertThat(comparison.baselineRunId()).isEqualTo("base");
    }

    @Test
    @DisplayName("a phase missing from the baseline is not compared")
    void unmatchedPhaseSkipped() {
        // Given a baseline whose first phase has another name
        CapacityReport renamed = SampleReports.withFirstPhaseNamed("warm-up");

        // When
        Comparison comparison = BaselineComparer.compare(passing, renamed, RegressionRules.defaults());

        // Then
        assertThat(comparison.phases()).extracting(PhaseDelta::phase).containsExactly("ramp", "peak", "cooldown");
    }

    @Test
    @DisplayName("without a baseline there is no comparison and the verdict is unchanged")
    void noBaseline() {
        // When
        CapacityReport report = ReportBuilder.withHistory(passing, History.none(), RegressionRules.defaults());

        // Then
        assertThat(report.comparison()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }
}
