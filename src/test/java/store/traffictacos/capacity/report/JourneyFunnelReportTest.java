package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.settings.PriceTable;
import store.traffictacos.capacity.report.settings.RegressionRules;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.ResourceThreshold;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.report.settings.SloSet.Slo;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.FunnelFile;
import store.traffictacos.capacity.results.funnel.PhaseFunnel;

@DisplayName("The purchase funnel in the report")
class JourneyFunnelReportTest {
    private static final SloSet JOURNEY_SLOS = new SloSet(
            List.of(
                    new Slo("journeys completed", Metric.JOURNEY_COMPLETION, 0.645),
                    new Slo("purchases completed", Metric.PURCHASE_COMPLETION, 0.9),
                    new Slo("time to admission", Metric.ADMISSION_P95_S, 30)),
            0,
            0.5);

    @TempDir
    Path dir;

    /** Runners 0 and 1 of a 10 s step, their journeys' times to admission (ms) given. */
    private ReportInputs run(SloSet slos, PhaseFunnel runner0, PhaseFunnel runner1) throws IOException {
        SyntheticRun run = new SyntheticRun(dir, 2).phase("step", 10, 10);
        for (long second = 0; second < 10; second++) {
            for (int i = 0; i < 10; i++) {
                run.request(second, i * 100L, "join", "ok", 20_000);
            }
        }
        run.merge();
        FunnelFile.write(dir.resolve("runner-0"), new Funnel(0.5, List.of(runner0)));
        FunnelFile.write(dir.resolve("runner-1"), new Funnel(0.5, List.of(runner1)));
        ReportSettings settings = new ReportSettings(
                slos, RegressionRules.defaults(), PriceTable.defaults(), ResourceThreshold.defaults());
        return ReportInputs.read(dir, settings, History.none());
    }

    private static PhaseFunnel funnel(long joined, long held, long confirmed, long dropped, long... admissionMs) {
        Histogram histogram = new Histogram(3);
        for (long value : admissionMs) {
            histogram.recordValue(value);
        }
        return new PhaseFunnel("step", 2 * joined, joined, joined, held, held, confirmed, dropped, histogram);
    }

    private static SloResult slo(CapacityReport report, String name) {
        return report.phases().get(0).slos().stream()
                .filter(slo -> slo.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("adds every runner's counts and times to admission, with shares of the journeys that set out to buy")
    void mergedAcrossRunners() throws IOException {
        // Given runner 0: 60 set out, 50 confirmed; runner 1: 40 set out, 30 confirmed, 5 still on their way
        ReportInputs inputs =
                run(JOURNEY_SLOS, funnel(60, 55, 50, 10, 1_000, 2_000), funnel(40, 36, 30, 5, 3_000, 40_000));

        // When
        FunnelReport.Phase step = ReportBuilder.build(inputs).funnel().phase("step");

        // Then
        assertThat(List.of(step.journeys(), step.joined(), step.held(), step.confirmed(), step.unfinished()))
                .containsExactly(200L, 100L, 91L, 80L, 5L);
        assertThat(step.confirmedShare()).isEqualTo(0.8);
        assertThat(step.admissions()).isEqualTo(4);
        assertThat(step.admissionP50S()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(step.admissionP99S()).isCloseTo(40.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    @DisplayName("journey_completion is confirmed ÷ journeys that set out to purchase, and must stay above its "
            + "threshold: 60 of 100 fails above 64.5 %")
    void journeyCompletion() throws IOException {
        // Given
        ReportInputs inputs = run(JOURNEY_SLOS, funnel(50, 50, 30, 20, 1_000), funnel(50, 50, 30, 20, 1_000));

        // When
        SloResult completed = slo(ReportBuilder.build(inputs), "journeys completed");

        // Then
        assertThat(completed.value()).isEqualTo(0.6);
        assertThat(completed.samples()).isEqualTo(100);
        assertThat(completed.outcome()).isEqualTo(SloOutcome.FAIL);
    }

    @Test
    @DisplayName("journeys still on their way when the runners stopped bound the completion: 40 confirmed and 30"
            + " unfinished of 100 can neither pass nor fail above 64.5 %, 40 and 20 fail it")
    void unfinishedBoundTheCompletion() throws IOException {
        // Given 100 set out: 40 confirmed, 30 dropped, 30 still on their way
        ReportInputs undecided = run(JOURNEY_SLOS, funnel(50, 50, 20, 15, 1_000), funnel(50, 50, 20, 15, 1_000));

        // When
        SloResult completed = slo(ReportBuilder.build(undecided), "journeys completed");

        // Then
        assertThat(completed.value()).isEqualTo(0.4);
        assertThat(completed.lowerBound()).isEqualTo(0.4);
        assertThat(completed.upperBound()).isEqualTo(0.7);
        assertThat(completed.outcome()).isEqualTo(SloOutcome.TOO_FEW_SAMPLES);
        assertThat(MarkdownReportWriter.render(ReportBuilder.build(undecided)))
                .contains("40 % **too few samples** (with the unfinished journeys between 40 % and 70 %)");
    }

    @Test
    @DisplayName("journeys still on their way that could not lift the completion above its threshold fail it")
    void unfinishedCannotSave() throws IOException {
        // Given 100 set out: 40 confirmed, 40 dropped, 20 still on their way (at most 60 %)
        ReportInputs failing = run(JOURNEY_SLOS, funnel(50, 50, 20, 20, 1_000), funnel(50, 50, 20, 20, 1_000));

        // When
        SloResult completed = slo(ReportBuilder.build(failing), "journeys completed");

        // Then
        assertThat(completed.upperBound()).isEqualTo(0.6);
        assertThat(completed.outcome()).isEqualTo(SloOutcome.FAIL);
    }

    @Test
    @DisplayName("purchase_completion is confirmed ÷ held: 95 of 100 holds confirmed holds above 90 %")
    void purchaseCompletion() throws IOException {
        // Given
        ReportInputs inputs = run(JOURNEY_SLOS, funnel(60, 60, 57, 3, 1_000), funnel(40, 40, 38, 2, 1_000));

        // When
        SloResult purchases = slo(ReportBuilder.build(inputs), "purchases completed");

        // Then
        assertThat(purchases.value()).isEqualTo(0.95);
        assertThat(purchases.outcome()).isEqualTo(SloOutcome.PASS);
    }

    @Test
    @DisplayName("admission_p95_s is the p95 of the time from join to granted enter, in seconds, over every runner")
    void admissionP95() throws IOException {
        // Given: 19 admissions after 1 s on runner 0, and 1 after 40 s on runner 1 (p95 = the 19th of 20)
        long[] quick = new long[19];
        java.util.Arrays.fill(quick, 1_000);
        ReportInputs inputs = run(JOURNEY_SLOS, funnel(10, 10, 10, 0, quick), funnel(1, 1, 1, 0, 40_000));

        // When
        SloResult admission = slo(ReportBuilder.build(inputs), "time to admission");

        // Then
        assertThat(admission.value()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(admission.samples()).isEqualTo(20);
        assertThat(admission.outcome()).isEqualTo(SloOutcome.PASS);
    }

    @Test
    @DisplayName("a journey SLO of a run whose runners kept no funnel rests on too few samples, never a pass")
    void noFunnel() {
        // Given a run recorded before funnels
        SyntheticRun run = new SyntheticRun(dir, 1).phase("step", 10, 10);
        for (long second = 0; second < 10; second++) {
            run.request(second, 0, "join", "ok", 20_000);
        }

        // When
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), JOURNEY_SLOS));

        // Then
        assertThat(report.funnel()).isNull();
        assertThat(report.phases().get(0).slos())
                .extracting(SloResult::outcome)
                .containsOnly(SloOutcome.TOO_FEW_SAMPLES);
    }

    @Test
    @DisplayName("a ramp's rolling windows judge no journey SLO: the funnel is per phase")
    void notInRollingWindows() {
        // Given a ramp judged by its maximum latency alone, and by it and a journey SLO
        SyntheticRun run = new SyntheticRun(dir, 1).phase("ramp", 30, 10, 40);
        run.sendAsScheduled(second -> 20_000);
        Slo maxLatency = new Slo("max", Metric.MAX_MS, 100);
        SloSet latencyOnly = new SloSet(List.of(maxLatency), 0, 0.5);
        SloSet withJourneys =
                new SloSet(List.of(maxLatency, new Slo("journeys completed", Metric.JOURNEY_COMPLETION, 0.5)), 0, 0.5);

        // When
        CapacityReport.Knee byLatency = ReportBuilder.build(ReportInputs.alone(run.merge(), latencyOnly))
                .knee();
        CapacityReport.Knee byBoth = ReportBuilder.build(ReportInputs.alone(run.merge(), withJourneys))
                .knee();

        // Then the journey SLO, with no funnel to judge, changes no window of the ramp
        assertThat(byLatency.reason()).isEqualTo(CapacityReport.KneeReason.NONE_FAILED);
        assertThat(byBoth).isEqualTo(byLatency);
    }
}
