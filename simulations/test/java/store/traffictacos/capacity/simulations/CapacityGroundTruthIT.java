package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportInputs;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.ResultsFiles;

/**
 * The report against ground truth: a reference target with a known capacity (400 req/s, 10 ms
 * service time) under steps from 200 to 600 req/s (about 40 s).
 */
@DisplayName("Capacity report against a target of known capacity")
class CapacityGroundTruthIT {
    private static final double CAPACITY_RPS = 400;
    private static final double SERVICE_TIME_MS = 10;
    private static final Path PROFILE =
            Path.of("src/test/resources/profiles/capacity-steps.yaml").toAbsolutePath();

    @TempDir
    static Path reports;

    static ReferenceTarget target;
    static CapacityReport report;

    @BeforeAll
    static void runAgainstKnownCapacity() throws IOException {
        target = ReferenceTarget.start(
                TargetConfig.defaults().withPort(0).withCapacity(CAPACITY_RPS, SERVICE_TIME_MS, 1_000));
        GatlingLauncher.run(
                Map.of(
                        "profile.file",
                        PROFILE.toString(),
                        "run.id",
                        "ground-truth",
                        "reports.dir",
                        reports.resolve("ground-truth").toString(),
                        "warmup.seconds",
                        "6",
                        "target.url",
                        target.baseUrl().toString()),
                reports.resolve("gatling"),
                false);
        MergedResults results = MergedResults.merge(
                List.of(ResultsFiles.read(reports.resolve("ground-truth").resolve("runner-0"))));
        SloSet defaults = SloSet.defaults();
        report = ReportBuilder.build(
                ReportInputs.alone(results, new SloSet(defaults.slos(), 1, defaults.generatorBehindRatio())));
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @DisplayName("the reported knee is within 15 % of the configured capacity")
    void kneeMatchesCapacity() {
        assertThat(report.knee().rps()).isNotNull();
        assertThat(report.knee().rps()).isCloseTo(CAPACITY_RPS, within(CAPACITY_RPS * 0.15));
        assertThat(report.knee().limitedBy()).isNotNull();
    }

    @Test
    @DisplayName("p50 in the unsaturated steps is within 25 % of the service time")
    void p50IsTheServiceTime() {
        List<PhaseReport> unsaturated = report.phases().stream()
                .filter(phase -> phase.offeredRps() < CAPACITY_RPS * 0.9)
                .toList();
        assertThat(unsaturated).isNotEmpty();
        assertThat(unsaturated)
                .allSatisfy(phase -> assertThat(phase.p50Ms())
                        .as(phase.name())
                        .isCloseTo(SERVICE_TIME_MS, within(SERVICE_TIME_MS * 0.25)));
    }
}
