package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.funnel.Funnel;
import store.traffictacos.capacity.results.funnel.FunnelFile;
import store.traffictacos.capacity.results.funnel.PhaseFunnel;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.simulations.run.CapacityRun;

/** One real run of the simulation (about 30 s) against the embedded target, then its files are checked. */
@DisplayName("Ticketing simulation, end to end against the embedded target")
class TicketingSimulationEndToEndIT {
    @TempDir
    static Path reports;

    static int exitCode;
    static Path runnerDir;
    static MergedResults results;

    @BeforeAll
    static void runOnce() throws IOException {
        Path profile = Path.of("src/test/resources/profiles/e2e.yaml").toAbsolutePath();
        exitCode = GatlingLauncher.run(
                Map.of(
                        "profile.file",
                        profile.toString(),
                        "run.id",
                        "e2e",
                        "reports.dir",
                        reports.resolve("e2e").toString(),
                        "warmup.seconds",
                        "3"),
                reports.resolve("gatling"),
                true);
        runnerDir = reports.resolve("e2e").resolve("runner-0");
        results = MergedResults.merge(List.of(ResultsFiles.read(runnerDir)));
    }

    @Test
    @DisplayName("the run succeeds")
    void succeeds() {
        assertThat(exitCode).isZero();
    }

    @Test
    @DisplayName("in every phase the achieved request rate is within 3 % of the offered rate")
    void achievedFollowsOffered() {
        for (PhaseWindow phase : results.runners().get(0).phases()) {
            // Given the phase's seconds
            long from = (phase.startEpochMs() - results.startEpochMs()) / 1000;
            long to = (phase.endEpochMs() - results.startEpochMs()) / 1000;

            // When
            long offered = sum(results.scheduledPerSecond(), from, to);
            long achieved =
                    results.window(from, to, endpoint -> true, outcome -> true).getTotalCount();

            // Then
            assertThat((double) achieved)
                    .as("requests in phase %s", phase.name())
                    .isCloseTo(offered, within(offered * 0.03));
        }
    }

    @Test
    @DisplayName("more than 95 % of the journeys that ended completed")
    void journeysComplete() throws IOException {
        // When
        JsonNode journeys = new ObjectMapper()
                .readTree(runnerDir.resolve(CapacityRun.JOURNEYS_FILE).toFile());
        long ended = journeys.get("completed").asLong()
                + journeys.get("abandoned").asLong()
                + journeys.get("failed").asLong();

        // Then
        assertThat(ended).isPositive();
        assertThat((double) journeys.get("completed").asLong() / ended).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("the funnel counts every journey in the phase of its join, the first phase's purchases go through,"
            + " no journey is admitted before its first status poll, and the report shows the same funnel")
    void funnel() throws IOException {
        // When
        Funnel funnel = FunnelFile.read(runnerDir).orElseThrow();
        JsonNode journeys = new ObjectMapper()
                .readTree(runnerDir.resolve(CapacityRun.JOURNEYS_FILE).toFile());
        JsonNode reported = new ObjectMapper()
                .readTree(reports.resolve("e2e").resolve("report.json").toFile())
                .path("funnel");

        // Then every join is in a phase (none is sent before the measured start; a last one may come after it)
        assertThat(funnel.phases())
                .extracting(PhaseFunnel::phase)
                .containsExactlyElementsOf(results.runners().get(0).phases().stream()
                        .map(PhaseWindow::name)
                        .toList());
        long joined = funnel.phases().stream().mapToLong(PhaseFunnel::journeys).sum();
        assertThat(joined).isLessThanOrEqualTo(journeys.get("started").asLong()).isGreaterThan(0);
        assertThat(journeys.get("started").asLong() - joined).isLessThanOrEqualTo(5);
        // the warm-up's journeys (about half of them meant to purchase) have 17 s to buy
        PhaseFunnel first = funnel.phases().get(0);
        assertThat(first.joined()).isBetween(first.journeys() / 4, first.journeys() * 3 / 4);
        assertThat((double) first.confirmed() / first.joined()).isGreaterThan(0.9);
        assertThat(List.of(first.joined(), first.admitted(), first.held(), first.paid(), first.confirmed()))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.dropped()).isZero();
        // the first status poll is due 2 s after the join, at the earliest
        assertThat(first.admissionMs().getMinValue()).isGreaterThanOrEqualTo(2_000);
        assertThat(reported.path("phases").get(0).path("confirmed").asLong()).isEqualTo(first.confirmed());
        assertThat(reported.path("phases").get(0).path("admissions").asLong())
                .isEqualTo(first.admissionMs().getTotalCount());
    }

    @Test
    @DisplayName("no request failed other than the expected 403 NOT_READY at enter")
    void noUnexpectedErrors() {
        assertThat(results.countByOutcome().keySet()).isSubsetOf("ok", "not_ready");
    }

    @Test
    @DisplayName("the results file counts exactly the requests Gatling counted, per endpoint")
    void totalsEqualGatlings() throws IOException {
        // Given Gatling's own statistics table
        Path index;
        try (Stream<Path> files = Files.walk(reports.resolve("gatling"))) {
            index = files.filter(file -> file.getFileName().toString().equals("index.html"))
                    .findFirst()
                    .orElseThrow();
        }
        Map<String, Long> gatling = GatlingLauncher.requestCounts(Files.readString(index));
        gatling.remove("warm-up");
        gatling.remove("All Requests");

        // When
        Map<String, Long> ours = results.series().entrySet().stream()
                .collect(Collectors.groupingBy(
                        entry -> entry.getKey().endpoint(),
                        Collectors.summingLong(entry -> entry.getValue().totalCount())));

        // Then
        assertThat(ours).isEqualTo(gatling);
    }

    @Test
    @DisplayName(
            "the embedded target's CPU, heap and threads, and its own /metrics, are sampled beside the load into platform.json")
    void localProcessSampled() throws IOException {
        // When
        PlatformSeriesFile.Contents platform =
                PlatformSeriesFile.read(new RunFolder(reports.resolve("e2e")).platformFile());

        // Then
        assertThat(platform.samples())
                .filteredOn(sample -> sample.source().equals("local"))
                .extracting(PlatformSample::series)
                .contains("heap_used", "threads");
        assertThat(platform.samples())
                .filteredOn(sample -> sample.source().equals("target"))
                .filteredOn(sample -> sample.series().equals("requests_per_sec"))
                .anySatisfy(sample -> assertThat(sample.value()).isPositive());
        assertThat(platform.samples()).extracting(PlatformSample::source).containsOnly("local", "target");
        assertThat(platform.samples().stream()
                        .filter(sample -> sample.series().equals("heap_used"))
                        .count())
                .as("one heap sample every 2 s over a ~30 s run")
                .isGreaterThanOrEqualTo(10);
    }

    private static long sum(long[] perSecond, long from, long to) {
        long total = 0;
        for (long second = from; second < Math.min(to, perSecond.length); second++) {
            total += perSecond[(int) second];
        }
        return total;
    }
}
