package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.judge.BaselineComparer;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.PhaseDelta;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.MergedResults;

@DisplayName("Regression against a baseline")
class RegressionTest {
    private static final long DAY_MS = 86_400_000L;
    private static final long LATENCY_MICROS = 20_000;

    @TempDir
    static Path dir;
    /** A passing run: "warmup" 10 s at 300 req/s, "peak" 10 s at 600 req/s, 1 request in 151 an error. */
    private static MergedResults passingRun;
    /** Its report without a baseline. */
    private static CapacityReport passing;

    @BeforeAll
    static void writeRun() {
        SyntheticRun run = new SyntheticRun(dir, 2)
                .phase("warmup", 10, 300)
                .phase("peak", 10, 600)
                .sendAsScheduled(second -> LATENCY_MICROS);
        for (int second = 0; second < run.seconds(); second++) {
            run.requests(second, run.scheduled(second) / 150, "http_503", i -> LATENCY_MICROS);
        }
        passingRun = run.merge();
        passing = ReportBuilder.build(ReportInputs.alone(passingRun, SloSet.defaults()));
    }

    /** The passing run's report against {@code baseline}. */
    private static CapacityReport compared(CapacityReport baseline, ReportSettings settings) {
        return SampleRun.report(
                passingRun, SampleRun.NOT_SAMPLED, History.of(baseline, null, History.DEFAULT_TREND_RUNS), settings);
    }

    private static CapacityReport compared(CapacityReport baseline) {
        return compared(baseline, ReportSettings.defaults());
    }

    /** The passing run's report as an earlier run's, with {@code change} applied to each phase. */
    private static CapacityReport baseline(UnaryOperator<PhaseReport> change) {
        return Baselines.withPhases(
                Baselines.rerun(
                        passing,
                        "base",
                        passing.startEpochMs() - DAY_MS,
                        Verdict.PASS,
                        passing.knee().rps()),
                change);
    }

    /** The passing run's report as an earlier run's whose knee was {@code kneeRps}. */
    private static CapacityReport baselineWithKnee(double kneeRps) {
        return Baselines.rerun(passing, "base", passing.startEpochMs() - DAY_MS, Verdict.PASS, kneeRps);
    }

    private static PhaseReport p99Times(PhaseReport phase, double factor) {
        return Baselines.withP99AndErrors(phase, phase.p99Ms() * factor, phase.errorRate());
    }

    @Test
    @DisplayName("p99 11 % above the baseline makes a passing run REGRESSED, naming the rule and phase")
    void p99Plus11Regresses() {
        // Given a baseline whose every phase's p99 was 11 % lower
        CapacityReport baseline = baseline(phase -> p99Times(phase, 1 / 1.11));

        // When
        CapacityReport report = compared(baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(report.comparison().broken())
                .extracting(RuleCheck::rule, RuleCheck::subject)
                .contains(org.assertj.core.groups.Tuple.tuple(RegressionRules.P99_INCREASE, "peak"));
    }

    @Test
    @DisplayName("p99 9 % above the baseline stays PASS, every check held")
    void p99Plus9Passes() {
        // Given a baseline whose every phase's p99 was 9 % lower
        CapacityReport baseline = baseline(phase -> p99Times(phase, 1 / 1.09));

        // When
        CapacityReport report = compared(baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.comparison().broken()).isEmpty();
        assertThat(report.comparison().checks()).isNotEmpty();
    }

    @Test
    @DisplayName("a knee 6 % below the baseline's makes a passing run REGRESSED by the knee rule")
    void kneeMinus6Regresses() {
        // Given a baseline whose knee the run's is 6 % below
        CapacityReport baseline = baselineWithKnee(passing.knee().rps() / 0.94);

        // When
        CapacityReport report = compared(baseline);

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
        // Given a baseline whose knee the run's is 4 % below
        CapacityReport baseline = baselineWithKnee(passing.knee().rps() / 0.96);

        // When / Then
        assertThat(compared(baseline).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    @DisplayName("an error rate 0.6 percentage points above the baseline's breaks the error rate rule")
    void errorRateIncreaseRegresses() {
        // Given a baseline whose every phase had 0.006 fewer errors
        CapacityReport baseline =
                baseline(phase -> Baselines.withP99AndErrors(phase, phase.p99Ms(), phase.errorRate() - 0.006));

        // When
        CapacityReport report = compared(baseline);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(report.comparison().broken())
                .extracting(RuleCheck::rule)
                .containsOnly(RegressionRules.ERROR_RATE_INCREASE);
    }

    @Test
    @DisplayName("a FAIL stays FAIL when a rule also broke, the broken rule still listed")
    void failStaysFail() {
        // Given SLOs the run fails (p99 below 10 ms) and a baseline whose p99 was 11 % lower
        ReportSettings strict =
                SloFile.settings("slos: [{name: p99 latency, metric: p99_ms, below: 10}]\n", "slo.yaml");
        CapacityReport baseline = baseline(phase -> p99Times(phase, 1 / 1.11));

        // When
        CapacityReport report = compared(baseline, strict);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.comparison().broken()).isNotEmpty();
    }

    @Test
    @DisplayName("the rules are data: a 15 % p99 limit lets 11 % pass")
    void rulesAreData() {
        // Given
        CapacityReport baseline = baseline(phase -> p99Times(phase, 1 / 1.11));
        ReportSettings settings = ReportSettings.defaults();
        ReportSettings lenient = new ReportSettings(
                settings.slos(), new RegressionRules(15, 5, 0.005), settings.prices(), settings.resources());

        // When
        CapacityReport report = compared(baseline, lenient);

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    @DisplayName("per phase the comparison gives p99 then and now, the change in ms and in percent")
    void phaseDeltas() {
        // Given
        CapacityReport baseline = Baselines.run("base", SampleReports.START_EPOCH_MS - DAY_MS, Verdict.PASS, 400.0);
        CapacityReport run =
                Baselines.p99Times(Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 400.0), 1.5);

        // When
        Comparison comparison =
                BaselineComparer.compare(run.knee(), run.phases(), baseline, RegressionRules.defaults());

        // Then the sample's peak p99 is 180.4 ms
        PhaseDelta peak = comparison.phases().stream()
                .filter(phase -> phase.phase().equals("peak"))
                .findFirst()
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
        CapacityReport run = Baselines.run("now", SampleReports.START_EPOCH_MS, Verdict.PASS, 400.0);
        CapacityReport renamed = SampleReports.withFirstPhaseNamed("warm-up");

        // When
        Comparison comparison = BaselineComparer.compare(run.knee(), run.phases(), renamed, RegressionRules.defaults());

        // Then
        assertThat(comparison.phases()).extracting(PhaseDelta::phase).containsExactly("ramp", "peak", "cooldown");
    }

    @Test
    @DisplayName("without a baseline there is no comparison and the verdict is unchanged")
    void noBaseline() {
        // When
        CapacityReport report =
                SampleRun.report(passingRun, SampleRun.NOT_SAMPLED, History.none(), ReportSettings.defaults());

        // Then
        assertThat(report.comparison()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    }
}
