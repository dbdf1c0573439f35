package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.ProfileFile;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerResults;

/** Runners 0, 1 and 2 of 3, one after another against one target (about 45 s). */
@DisplayName("Sharded runners")
class ShardedRunnersIT {
    private static final Path PROFILE =
            Path.of("src/test/resources/profiles/shards.yaml").toAbsolutePath();

    @TempDir
    static Path reports;

    static ReferenceTarget target;
    static List<RunnerResults> runners = new ArrayList<>();
    static List<Integer> exitCodes = new ArrayList<>();

    @BeforeAll
    static void runThreeRunners() throws IOException {
        target = ReferenceTarget.start(TargetConfig.defaults().withPort(0));
        for (int index = 0; index < 3; index++) {
            exitCodes.add(GatlingLauncher.run(
                    Map.of(
                            "profile.file",
                            PROFILE.toString(),
                            "run.id",
                            "shards",
                            "reports.dir",
                            reports.resolve("shards").toString(),
                            "warmup.seconds",
                            "1",
                            "target.url",
                            target.baseUrl().toString(),
                            "runner.index",
                            Integer.toString(index),
                            "runner.count",
                            "3"),
                    reports.resolve("gatling"),
                    false));
            runners.add(ResultsFiles.read(reports.resolve("shards").resolve("runner-" + index)));
        }
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    @DisplayName("every runner succeeds")
    void succeed() {
        assertThat(exitCodes).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("per phase the three runners' requests add up to the single-runner schedule, within 3 %")
    void sharesAddUp() throws IOException {
        // Given the whole profile's schedule
        LoadProfile whole = ProfileFile.parse(PROFILE);
        long[] wholePerSecond = whole.requestsPerSecond();

        for (PhaseWindow phase : runners.get(0).manifest().phases()) {
            long from = (phase.startEpochMs() - runners.get(0).manifest().startEpochMs()) / 1000;
            long to = (phase.endEpochMs() - runners.get(0).manifest().startEpochMs()) / 1000;

            // When each runner's phase is counted on its own clock
            long achieved = 0;
            for (RunnerResults runner : runners) {
                achieved += MergedResults.ofRunner(runner)
                        .window(from, to, e -> true, o -> true)
                        .getTotalCount();
            }

            // Then
            long offered = 0;
            for (long second = from; second < to; second++) {
                offered += wholePerSecond[(int) second];
            }
            assertThat((double) achieved).as("phase %s", phase.name()).isCloseTo(offered, within(offered * 0.03));
        }
    }

    @Test
    @DisplayName("the merged percentiles equal those of one histogram over every runner's samples")
    void mergedEqualsUnion() {
        // Given every sample of every runner in one histogram
        Histogram union = new Histogram(3);
        runners.forEach(runner -> runner.series().values().forEach(counts -> counts.addTo(union)));

        // When
        Histogram merged = MergedResults.merge(runners).total();

        // Then
        assertThat(merged.getTotalCount()).isEqualTo(union.getTotalCount());
        for (double percentile : new double[] {50, 95, 99, 100}) {
            assertThat(merged.getValueAtPercentile(percentile)).isEqualTo(union.getValueAtPercentile(percentile));
        }
    }
}
