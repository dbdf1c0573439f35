package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static store.traffictacos.capacity.report.SyntheticRun.STATUS;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.EndpointReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.Knee;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;
import store.traffictacos.capacity.report.model.CapacityReport.SloOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.report.settings.SloSet.Slo;
import store.traffictacos.capacity.results.MergedResults;

@DisplayName("ReportBuilder")
class ReportBuilderTest {
    private static final long FAST = 20_000;
    private static final long SLOW = 150_000;
    private static final SloSet NO_SETTLE = withSettle(0);

    @TempDir
    Path dir;

    @Nested
    @DisplayName("phases")
    class Phases {
        @Test
        @DisplayName("per-phase p50/p95/p99/max equal those of one HDR histogram of every runner's samples")
        void percentilesAreExactAcrossRunners() {
            // Given samples of known distributions (lognormal ok, uniform 503s, fast not_ready) split over 4 runners,
            // and one histogram per phase of the samples in its judged seconds (after the 5 settle seconds)
            SyntheticRun run =
                    new SyntheticRun(dir, 4).phase("warm-up", 20, 300).phase("peak", 30, 600);
            Histogram warmUp = new Histogram(3);
            Histogram peak = new Histogram(3);
            Random random = new Random(42);
            for (int second = 0; second < run.seconds(); second++) {
                for (long i = 0; i < run.scheduled(second); i++) {
                    double kind = random.nextDouble();
                    String outcome = kind < 0.9 ? "ok" : kind < 0.95 ? "http_503" : "not_ready";
                    long latency = switch (outcome) {
                        case "ok" -> (long) Math.exp(Math.log(30_000) + random.nextGaussian());
                        case "http_503" -> 1_000 + random.nextInt(400_000);
                        default -> 500 + random.nextInt(2_000);
                    };
                    run.request(second, random.nextInt(1000), STATUS, outcome, latency);
                    if (second >= 5 && second < 20) {
                        warmUp.recordValue(latency);
                    } else if (second >= 25) {
                        peak.recordValue(latency);
                    }
                }
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            assertThat(report.runners()).isEqualTo(4);
            assertLatencyEquals(report.phases().get(0), warmUp);
            assertLatencyEquals(report.phases().get(1), peak);
        }

        @Test
        @DisplayName("the settle seconds at a phase start are left out of its statistics and verdict")
        void settleSecondsExcluded() {
            // Given a phase whose first second is very slow and the rest fast, with 5 settle seconds
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .phase("peak", 20, 100)
                    .sendAsScheduled(second -> second == 0 ? 2_000_000 : FAST);

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.settleSeconds()).isEqualTo(5);
            assertThat(phase.requests()).isEqualTo(1_500);
            assertThat(phase.maxMs()).isLessThan(21);
            assertThat(phase.pass()).isTrue();
        }

        @Test
        @DisplayName("a phase no longer than the settle time is judged whole")
        void shortPhaseJudgedWhole() {
            // Given a 3-second phase, slow throughout, under 5 settle seconds
            SyntheticRun run = new SyntheticRun(dir, 1).phase("smoke", 3, 10).sendAsScheduled(second -> SLOW);

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.settleSeconds()).isZero();
            assertThat(phase.requests()).isEqualTo(30);
            assertThat(phase.pass()).isFalse();
        }

        @Test
        @DisplayName("phase seconds are offsets from the run's start")
        void phaseSeconds() {
            // Given
            SyntheticRun run = new SyntheticRun(dir, 1).phase("warm-up", 10, 10).phase("peak", 20, 10);

            // When
            List<PhaseReport> phases = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases();

            // Then
            assertThat(phases)
                    .extracting(PhaseReport::name, PhaseReport::startSecond, PhaseReport::endSecond)
                    .containsExactly(tuple("warm-up", 0L, 10L), tuple("peak", 10L, 30L));
        }

        @Test
        @DisplayName("offered, sent and achieved rates are scheduled, sent and answered requests per judged second")
        void rates() {
            // Given 100 rps scheduled for 10 s; 95 sent per second, of which 90 answered
            SyntheticRun run = new SyntheticRun(dir, 2).phase("peak", 10, 100);
            for (int second = 0; second < 10; second++) {
                run.requests(second, 90, "ok", i -> FAST);
                for (int i = 0; i < 5; i++) {
                    run.unanswered(second);
                }
            }

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.offeredRps()).isEqualTo(100.0);
            assertThat(phase.sentRps()).isEqualTo(95.0);
            assertThat(phase.achievedRps()).isEqualTo(90.0);
            assertThat(phase.requests()).isEqualTo(900);
        }

        @Test
        @DisplayName("errors are counted by kind and the expected not_ready is not an error")
        void errorKinds() {
            // Given 1000 requests: 900 ok, 50 not_ready, 30 http_503, 15 connection, 5 check
            SyntheticRun run = new SyntheticRun(dir, 4)
                    .phase("peak", 1, 1000)
                    .requests(0, 900, "ok", i -> FAST)
                    .requests(0, 50, "not_ready", i -> FAST)
                    .requests(0, 30, "http_503", i -> FAST)
                    .requests(0, 15, "connection", i -> FAST)
                    .requests(0, 5, "check", i -> FAST);

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.errorsByKind())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("http_503", 30L, "connection", 15L, "check", 5L));
            assertThat(phase.errorRate()).isEqualTo(0.05);
            assertThat(phase.slos())
                    .filteredOn(slo -> slo.metric().equals("error_rate"))
                    .extracting(SloResult::value, SloResult::pass)
                    .containsExactly(tuple(0.05, false));
        }

        @Test
        @DisplayName("each SLO is judged with its measured value: it passes only when the value is below the threshold")
        void slosJudged() {
            // Given a p99 of exactly 100 ms (HDR bucket 100,000 µs)
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 100).sendAsScheduled(second -> 100_000);

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.slos())
                    .extracting(
                            SloResult::name, SloResult::metric, SloResult::threshold, SloResult::value, SloResult::pass)
                    .containsExactly(
                            tuple("p99 latency", "p99_ms", 100.0, 100.031, false),
                            tuple("p95 latency", "p95_ms", 500.0, 100.031, true),
                            tuple("error rate", "error_rate", 0.01, 0.0, true));
            assertThat(phase.pass()).isFalse();
        }

        @Test
        @DisplayName("a phase with a second where the generator sent too little is flagged generator-limited")
        void generatorLimitedPhase() {
            // Given a phase sending 95 of 100 scheduled in one second (ratio 0.97, less one request for the runner)
            SyntheticRun run = new SyntheticRun(dir, 1).phase("steady", 5, 100).phase("short", 5, 100);
            for (int second = 0; second < 10; second++) {
                run.requests(second, second == 7 ? 95 : 100, "ok", i -> FAST);
            }

            // When
            List<PhaseReport> phases = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases();

            // Then
            assertThat(phases).extracting(PhaseReport::generatorLimited).containsExactly(false, true);
        }

        @Test
        @DisplayName("one request short per runner in a second is where a request fell by the boundary, not behind")
        void oneShortPerRunnerIsNotBehind() {
            // Given 3 runners, 30 scheduled a second, and a second with 27 sent and the next with 33
            SyntheticRun run = new SyntheticRun(dir, 3).phase("steady", 4, 30);
            long[] sent = {30, 27, 33, 30};
            for (int second = 0; second < sent.length; second++) {
                run.requests(second, sent[second], "ok", i -> FAST);
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.generatorWarnings()).isEmpty();
            assertThat(report.phases().get(0).generatorLimited()).isFalse();
        }

        @Test
        @DisplayName("a phase not judged is shown whole, with no SLO result, and fails nothing however slow")
        void notJudged() {
            // Given a slow warm-up not judged, then a fast judged phase
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .unjudgedPhase("warm-up", 10, 100)
                    .phase("peak", 10, 200)
                    .sendAsScheduled(second -> second < 10 ? SLOW : FAST);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            PhaseReport warmUp = report.phases().get(0);
            assertThat(warmUp.judged()).isFalse();
            assertThat(warmUp.outcome()).isEqualTo(PhaseOutcome.NOT_JUDGED);
            assertThat(warmUp.slos()).isEmpty();
            assertThat(warmUp.settleSeconds()).isZero();
            assertThat(warmUp.requests()).isEqualTo(1_000);
            assertThat(warmUp.p99Ms()).isGreaterThan(100);
            assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        @DisplayName("a percentile whose confidence bounds straddle its threshold rests on too few samples, not a pass")
        void tooFewSamples() {
            // Given 100 fast responses: too few for an upper bound of p99
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 10).sendAsScheduled(second -> FAST);

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0);

            // Then p99's upper bound is missing; p95 and the error rate hold
            assertThat(phase.slos())
                    .extracting(SloResult::name, SloResult::outcome, SloResult::samples)
                    .containsExactly(
                            tuple("p99 latency", SloOutcome.TOO_FEW_SAMPLES, 100L),
                            tuple("p95 latency", SloOutcome.PASS, 100L),
                            tuple("error rate", SloOutcome.PASS, 100L));
            SloResult p99 = phase.slos().get(0);
            assertThat(p99.upperBound()).isNull();
            assertThat(p99.lowerBound()).isEqualTo(20.015);
            assertThat(p99.pass()).isFalse();
            assertThat(phase.outcome()).isEqualTo(PhaseOutcome.TOO_FEW_SAMPLES);
            assertThat(phase.pass()).isFalse();
        }

        @Test
        @DisplayName("enough samples bound a percentile on both sides, and it holds when its upper bound does")
        void boundedOnBothSides() {
            // Given 1,000 responses of 1..1000 µs × 20
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 100);
            for (int second = 0; second < 10; second++) {
                int first = second * 100;
                run.requests(second, 100, "ok", i -> (first + i + 1) * 20);
            }

            // When
            SloResult p99 = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0)
                    .slos()
                    .get(0);

            // Then ranks 983 and 997 of 1,000 (tops of their HDR buckets)
            assertThat(p99.outcome()).isEqualTo(SloOutcome.PASS);
            assertThat(p99.lowerBound()).isEqualTo(19.663);
            assertThat(p99.value()).isEqualTo(19.807);
            assertThat(p99.upperBound()).isEqualTo(19.951);
        }
    }

    @Nested
    @DisplayName("verdict")
    class Verdicts {
        @Test
        @DisplayName("PASS when every phase passes, exit code 0")
        void pass() {
            // Given
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .phase("warm-up", 10, 100)
                    .phase("peak", 10, 200)
                    .sendAsScheduled(second -> FAST);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            assertThat(report.verdict()).isEqualTo(Verdict.PASS);
            assertThat(ReportBuilder.exitCode(report)).isZero();
        }

        @Test
        @DisplayName("FAIL when any phase fails, exit code 2")
        void fail() {
            // Given a slow second phase
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .phase("warm-up", 10, 100)
                    .phase("peak", 10, 200)
                    .sendAsScheduled(second -> second < 10 ? FAST : SLOW);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            assertThat(report.phases()).extracting(PhaseReport::pass).containsExactly(true, false);
            assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(ReportBuilder.exitCode(report)).isEqualTo(2);
        }

        @Test
        @DisplayName("INCONCLUSIVE, exit code 2, when no SLO failed but one rests on too few samples")
        void inconclusiveOnTooFewSamples() {
            // Given 100 fast responses in the only phase
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 10).sendAsScheduled(second -> FAST);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(ReportBuilder.exitCode(report)).isEqualTo(2);
        }

        @Test
        @DisplayName(
                "a phase whose SLOs held while the generator fell behind is not measured, and the run INCONCLUSIVE")
        void generatorLimitedIsNotMeasured() {
            // Given a fast phase that sent half its schedule in one second
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 100);
            for (int second = 0; second < 10; second++) {
                run.requests(second, second == 4 ? 50 : 100, "ok", i -> FAST);
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            PhaseReport phase = report.phases().get(0);
            assertThat(phase.slos()).allMatch(SloResult::pass);
            assertThat(phase.outcome()).isEqualTo(PhaseOutcome.NOT_MEASURED);
            assertThat(phase.pass()).isFalse();
            assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }

        @Test
        @DisplayName("a failed SLO fails the phase and the run even where the generator fell behind")
        void generatorLimitedFailureFails() {
            // Given a slow phase that sent half its schedule in one second
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 100);
            for (int second = 0; second < 10; second++) {
                run.requests(second, second == 4 ? 50 : 100, "ok", i -> SLOW);
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.FAIL);
            assertThat(report.phases().get(0).generatorLimited()).isTrue();
            assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        }

        @Test
        @DisplayName("INCONCLUSIVE when no phase is judged: nothing showed the SLOs held")
        void nothingJudged() {
            // Given
            SyntheticRun run =
                    new SyntheticRun(dir, 1).unjudgedPhase("warm-up", 10, 100).sendAsScheduled(second -> FAST);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(report.knee().reason()).isEqualTo(KneeReason.NOTHING_JUDGED);
            assertThat(report.knee().rps()).isNull();
        }

        @Test
        @DisplayName("a REGRESSED report exits with 2 as well")
        void regressedExitCode() {
            // Given
            SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 5, 10).sendAsScheduled(second -> FAST);
            CapacityReport passed = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));
            CapacityReport regressed = new CapacityReport(
                    passed.format(),
                    passed.runId(),
                    passed.profile(),
                    passed.runners(),
                    passed.startEpochMs(),
                    passed.endEpochMs(),
                    Verdict.REGRESSED,
                    passed.knee(),
                    passed.phases(),
                    passed.endpoints(),
                    passed.timeline(),
                    passed.generatorWarnings(),
                    passed.slos(),
                    passed.comparison(),
                    passed.cost(),
                    passed.trend(),
                    passed.platform(),
                    passed.platformUnavailable());

            // When / Then
            assertThat(ReportBuilder.exitCode(regressed)).isEqualTo(2);
        }

        @Test
        @DisplayName("the report names the run, profile, runners, window and SLO set")
        void header() {
            // Given
            SyntheticRun run = new SyntheticRun(dir, 3).phase("peak", 12, 30).sendAsScheduled(second -> FAST);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.format()).isEqualTo("tacos-report/1");
            assertThat(report.runId()).isEqualTo("run-7");
            assertThat(report.profile()).isEqualTo("synthetic");
            assertThat(report.runners()).isEqualTo(3);
            assertThat(report.startEpochMs()).isEqualTo(SyntheticRun.START);
            assertThat(report.endEpochMs()).isEqualTo(SyntheticRun.START + 12_000);
            assertThat(report.slos()).isEqualTo(NO_SETTLE);
        }
    }

    @Nested
    @DisplayName("knee")
    class Knees {
        @Test
        @DisplayName("over steps: the last step before latency broke the p99 SLO, naming it")
        void kneeOnSteps() {
            // Given steps of 100..700 rps, 10 s each, whose latency jumps above 100 ms from 500 rps
            SyntheticRun run = steps(100, 700);
            run.sendAsScheduled(second -> run.scheduled(second) >= 500 ? SLOW : FAST);

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .knee();

            // Then
            assertThat(knee).isEqualTo(new Knee(400.0, "p99 latency", null, 45L, 50L, KneeReason.FOUND, 500.0));
        }

        @Test
        @DisplayName("inside a ramp: the mean offered rate of the last rolling window before the SLOs broke")
        void kneeInsideRamp() {
            // Given a 60 s ramp 100 → 700 rps whose latency breaks from the first second at 400 rps or more
            SyntheticRun run = new SyntheticRun(dir, 4).phase("ramp", 60, 100, 700);
            run.sendAsScheduled(second -> run.scheduled(second) >= 400 ? SLOW : FAST);
            int firstSlow = (int) LongStream.range(0, 60)
                    .filter(second -> run.scheduled(second) >= 400)
                    .findFirst()
                    .orElseThrow();
            double lastCleanWindow = LongStream.range(firstSlow - 5, firstSlow)
                    .map(second -> run.scheduled(second))
                    .average()
                    .orElseThrow();

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .knee();

            // Then
            assertThat(knee.rps()).isEqualTo(lastCleanWindow).isBetween(350.0, 400.0);
            assertThat(knee.limitedBy()).isEqualTo("p99 latency");
        }

        @Test
        @DisplayName("a window where the generator fell behind is skipped, never blamed on the platform")
        void generatorLimitedWindowSkipped() {
            // Given steps of 100..500 rps where the 300 rps step sent half its schedule and was slow
            SyntheticRun run = steps(100, 500);
            for (int second = 0; second < run.seconds(); second++) {
                boolean limited = run.scheduled(second) == 300;
                run.requests(second, limited ? 150 : run.scheduled(second), "ok", i -> limited ? SLOW : FAST);
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            assertThat(report.knee()).isEqualTo(new Knee(500.0, null, null, null, null, KneeReason.NONE_FAILED, null));
            assertThat(report.phases().get(2).generatorLimited()).isTrue();
        }

        @Test
        @DisplayName("when every window was generator-limited, there is no knee: nothing was measured")
        void allGeneratorLimited() {
            // Given steps that each sent half their schedule
            SyntheticRun run = steps(100, 300);
            for (int second = 0; second < run.seconds(); second++) {
                run.requests(second, run.scheduled(second) / 2, "ok", i -> FAST);
            }

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()));

            // Then
            assertThat(report.knee())
                    .isEqualTo(new Knee(null, null, null, null, null, KneeReason.ALL_GENERATOR_LIMITED, null));
            assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }

        @Test
        @DisplayName("a step that passed with its latency still rising does not raise the knee")
        void notSettledDoesNotRaiseTheKnee() {
            // Given 100 rps fast; 200 rps rising from 20 to 90 ms over its 9 judged seconds; 300 rps slow
            SyntheticRun run = steps(100, 300);
            run.sendAsScheduled(second -> switch ((int) run.scheduled(second)) {
                case 100 -> FAST;
                case 200 -> FAST + (second - 10) * 8_000;
                default -> SLOW;
            });

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), withSettle(1)));

            // Then the 200 rps step passed but had not settled; the knee stays at 100
            PhaseReport rising = report.phases().get(1);
            assertThat(rising.outcome()).isEqualTo(PhaseOutcome.PASS);
            assertThat(rising.settling()).isNotNull();
            assertThat(rising.settling().settled()).isFalse();
            assertThat(rising.settling().firstThirdP99Ms())
                    .isLessThan(rising.settling().lastThirdP99Ms());
            assertThat(report.phases().get(0).settled()).isTrue();
            assertThat(report.knee())
                    .isEqualTo(new Knee(100.0, "p99 latency", null, 21L, 30L, KneeReason.FOUND, 300.0));
        }

        @Test
        @DisplayName("a steady step is settled, whatever the noise of its samples")
        void steadyStepIsSettled() {
            // Given a step at 300 rps whose latency varies at random around 30 ms
            SyntheticRun run = new SyntheticRun(dir, 2).phase("steady", 12, 300);
            Random random = new Random(7);
            for (int second = 0; second < run.seconds(); second++) {
                run.requests(second, 300, "ok", i -> (long) Math.exp(Math.log(30_000) + 0.5 * random.nextGaussian()));
            }

            // When
            PhaseReport phase = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .phases()
                    .get(0);

            // Then
            assertThat(phase.settling()).isNotNull();
            assertThat(phase.settled()).isTrue();
        }

        @Test
        @DisplayName("when the windows below the first failure rest on too few samples, no knee is claimed")
        void noPassBelowFailure() {
            // Given a 10 rps step (100 responses: too few for p99) then a slow 500 rps step
            SyntheticRun run = new SyntheticRun(dir, 1).phase("few", 10, 10).phase("slow", 10, 500);
            run.sendAsScheduled(second -> second < 10 ? FAST : SLOW);

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .knee();

            // Then
            assertThat(knee)
                    .isEqualTo(new Knee(null, "p99 latency", null, 10L, 20L, KneeReason.NO_PASS_BELOW_FAILURE, 500.0));
        }

        @Test
        @DisplayName("when nothing failed and nothing held with enough samples, no knee is claimed")
        void notShown() {
            // Given one step of 100 fast responses
            SyntheticRun run = new SyntheticRun(dir, 1).phase("few", 10, 10).sendAsScheduled(second -> FAST);

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .knee();

            // Then
            assertThat(knee).isEqualTo(new Knee(null, null, null, null, null, KneeReason.NOT_SHOWN, null));
        }

        @Test
        @DisplayName("when every window passes, the knee is the highest offered rate and no SLO is named")
        void allPass() {
            // Given
            SyntheticRun run = steps(100, 300);
            run.sendAsScheduled(second -> FAST);

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .knee();

            // Then
            assertThat(knee).isEqualTo(new Knee(300.0, null, null, null, null));
        }

        @Test
        @DisplayName("when the lowest rate already fails, there is no knee rate but the failing SLO is named")
        void lowestFails() {
            // Given errors at every rate
            SyntheticRun run = steps(100, 200);
            for (int second = 0; second < run.seconds(); second++) {
                run.requests(second, run.scheduled(second), "http_503", i -> FAST);
            }

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .knee();

            // Then
            assertThat(knee).isEqualTo(new Knee(null, "error rate", null, 5L, 10L, KneeReason.LOWEST_FAILED, 100.0));
        }

        @Test
        @DisplayName("when several SLOs fail at once, the first in SLO-set order is named")
        void firstFailingSloInSetOrder() {
            // Given a set listing error rate before p99, and a step breaking both
            SloSet errorsFirst = new SloSet(
                    List.of(new Slo("errors", Metric.ERROR_RATE, 0.01), new Slo("p99", Metric.P99_MS, 100)), 0, 0.97);
            SyntheticRun run = steps(100, 200);
            for (int second = 0; second < run.seconds(); second++) {
                String outcome = run.scheduled(second) == 200 ? "timeout" : "ok";
                run.requests(second, run.scheduled(second), outcome, i -> outcome.equals("ok") ? FAST : SLOW);
            }

            // When
            Knee knee = ReportBuilder.build(ReportInputs.alone(run.merge(), errorsFirst))
                    .knee();

            // Then
            assertThat(knee).isEqualTo(new Knee(100.0, "errors", null, 10L, 20L, KneeReason.FOUND, 200.0));
        }

        private SyntheticRun steps(int fromRps, int toRps) {
            SyntheticRun run = new SyntheticRun(dir, 4);
            for (int rps = fromRps; rps <= toRps; rps += 100) {
                run.phase("step-" + rps, 10, rps);
            }
            return run;
        }
    }

    @Nested
    @DisplayName("timeline, endpoints and generator warnings")
    class Details {
        @Test
        @DisplayName("the timeline has every second's offered, sent and achieved requests, latency and errors")
        void timeline() {
            // Given 2 seconds of 10 scheduled; second 1 sends 8, 2 of which fail and 1 is unanswered
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .phase("peak", 2, 10)
                    .requests(0, 10, "ok", i -> (i + 1) * 1_000)
                    .requests(1, 5, "ok", i -> FAST)
                    .requests(1, 2, "timeout", i -> SLOW)
                    .unanswered(1);

            // When
            List<SecondPoint> timeline = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .timeline();

            // Then
            assertThat(timeline)
                    .containsExactly(
                            new SecondPoint(0, 10, 10, 10, 5.003, 10.007, 10.007, Map.of()),
                            new SecondPoint(1, 10, 8, 7, 20.015, 150.015, 150.015, Map.of("timeout", 2L)));
        }

        @Test
        @DisplayName("endpoints are reported over the whole run with their own latency and error rate")
        void endpoints() {
            // Given two endpoints, one with a failure in 4 requests
            SyntheticRun run = new SyntheticRun(dir, 2)
                    .phase("peak", 10, 1)
                    .request(0, 0, "GET /a", "ok", 1_000)
                    .request(1, 0, "GET /a", "ok", 1_000)
                    .request(2, 0, "POST /b", "ok", 2_000)
                    .request(3, 0, "POST /b", "not_ready", 2_000)
                    .request(4, 0, "POST /b", "ok", 2_000)
                    .request(9, 0, "POST /b", "http_500", 4_000);

            // When
            List<EndpointReport> endpoints = ReportBuilder.build(ReportInputs.alone(run.merge(), SloSet.defaults()))
                    .endpoints();

            // Then (4,000 µs lies in the HDR bucket 4,000-4,001 µs, reported by its top)
            assertThat(endpoints)
                    .containsExactly(
                            new EndpointReport("GET /a", 2, 1.0, 1.0, 1.0, 1.0, 0.0),
                            new EndpointReport("POST /b", 4, 2.0, 4.001, 4.001, 4.001, 0.25));
        }

        @Test
        @DisplayName("generator warnings merge consecutive behind seconds and ignore unscheduled ones")
        void generatorWarnings() {
            // Given 100 rps for 6 s, behind in seconds 1-2 and 4, then 2 unscheduled seconds with nothing sent
            SyntheticRun run = new SyntheticRun(dir, 2).phase("peak", 6, 100).phase("idle", 2, 0);
            long[] sent = {100, 90, 80, 100, 50, 97};
            for (int second = 0; second < sent.length; second++) {
                run.requests(second, sent[second], "ok", i -> FAST);
            }

            // When
            List<GeneratorWarning> warnings = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE))
                    .generatorWarnings();

            // Then
            assertThat(warnings)
                    .containsExactly(
                            new GeneratorWarning(1, 3, "runners sent 170 of 200 scheduled requests"),
                            new GeneratorWarning(4, 5, "runners sent 50 of 100 scheduled requests"));
        }

        @Test
        @DisplayName(
                "a second in which a runner was short of CPU is the generator's fault, even with the schedule kept")
        void runnerShortOfCpu() {
            // Given 100 rps for 4 s, all sent, runner 1 at 97 % CPU in second 2 and runner 0 at 60 % throughout
            SyntheticRun run = new SyntheticRun(dir, 2).phase("peak", 4, 100);
            for (int second = 0; second < 4; second++) {
                run.requests(second, 100, "ok", i -> FAST).runnerCpu(0, second, 0.60);
            }
            run.runnerCpu(1, 2, 0.97);

            // When
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), NO_SETTLE));

            // Then
            assertThat(report.generatorWarnings())
                    .containsExactly(
                            new GeneratorWarning(
                                    2,
                                    3,
                                    "a runner was short of CPU (97 % of its cores); runners sent 100 of 100 scheduled requests"));
            assertThat(report.phases().get(0).generatorLimited()).isTrue();
        }

        @Test
        @DisplayName("a run without phases is refused: there is nothing to judge")
        void noPhases() {
            // Given
            MergedResults results = new SyntheticRun(dir, 1).merge();

            // When / Then
            assertThatThrownBy(() -> ReportBuilder.build(ReportInputs.alone(results, SloSet.defaults())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("run run-7 has no phases to judge");
        }
    }

    private static SloSet withSettle(long settleSeconds) {
        SloSet defaults = SloSet.defaults();
        return new SloSet(defaults.slos(), settleSeconds, defaults.generatorBehindRatio());
    }

    private static void assertLatencyEquals(PhaseReport phase, Histogram expected) {
        assertThat(phase.requests()).as("%s requests", phase.name()).isEqualTo(expected.getTotalCount());
        assertThat(List.of(phase.p50Ms(), phase.p95Ms(), phase.p99Ms(), phase.maxMs()))
                .as("%s p50, p95, p99, max", phase.name())
                .containsExactly(
                        expected.getValueAtPercentile(50) / 1000.0,
                        expected.getValueAtPercentile(95) / 1000.0,
                        expected.getValueAtPercentile(99) / 1000.0,
                        expected.getMaxValue() / 1000.0);
    }
}
