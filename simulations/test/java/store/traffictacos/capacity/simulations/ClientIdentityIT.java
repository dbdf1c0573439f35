package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportInputs;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.KneeReason;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerResults;

/**
 * One runner in this JVM offered 3,000 req/s for 8 s against the reference target limiting each client to
 * 2,000 req/s (burst 2,000), as {@code target --rate-limit-rps 2000} would: the figures. From its one
 * address the limit refuses a third of the load, which the report must not call capacity; spread over 64
 * addresses it offers the whole rate. About 18 s each, with a 3 s warm-up (whose status polls for an unknown
 * token the target's count leaves out).
 */
@DisplayName("A runner under the platform's per-client limit")
// The rate check runs second, in a JVM whose runner and target the first run has compiled: a cold start
// can fall behind its own schedule, which would say nothing of the identity.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientIdentityIT {
    private static final long RATE = 3_000;
    private static final int SECONDS = 8;
    private static final long LIMIT = 2_000;
    private static final Pattern REFUSED = Pattern.compile("\\((\\d+) answers 429 RATE_LIMITED");
    /**
     * The target's answers to the API, but the warm-up's (a status poll for an unknown token: 404); a route's
     * label may hold braces ({@code /api/v1/reservations/{id}/confirm}).
     */
    private static final Pattern API_REQUESTS =
            Pattern.compile("(?m)^tacos_http_requests_total\\{(.*route=\"/api/v1/.*)} ([0-9.E]+)$");

    @TempDir
    Path dir;

    @Test
    @Order(1)
    @DisplayName("from one address: the refused seconds are not measured, named with the limit and count, exit 2")
    void oneAddressIsNotCapacity() throws IOException {
        // Given
        try (ReferenceTarget target = ReferenceTarget.start(limitedTarget())) {

            // When
            RunnerResults runner = run(target, Map.of());

            // Then the runner saw the limit refuse its own identity
            MergedResults merged = MergedResults.ofRunner(runner);
            long refused = merged.countByOutcome().getOrDefault(Outcomes.rateLimited(LIMIT), 0L);
            assertThat(refused).as("answers 429 with the client's bucket empty").isGreaterThan(RATE);
            // and the report says so, without blaming the platform
            CapacityReport report = ReportBuilder.build(ReportInputs.alone(merged, SloSet.defaults()));
            assertThat(report.phases().get(0).outcome()).isEqualTo(PhaseOutcome.NOT_MEASURED);
            assertThat(report.phases().get(0).slos()).as("no SLO verdict").isEmpty();
            assertThat(report.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(ReportBuilder.exitCode(report)).isEqualTo(2);
            assertThat(report.knee().reason()).isEqualTo(KneeReason.ALL_GENERATOR_LIMITED);
            assertThat(report.generatorWarnings())
                    .isNotEmpty()
                    .allSatisfy(warning -> assertThat(warning.reason())
                            .startsWith("rejected by the platform's per-client limit of " + LIMIT
                                    + " req/s: the load test's own identity, not capacity"));
            assertThat(report.generatorWarnings().stream()
                            .mapToLong(ClientIdentityIT::refusedIn)
                            .sum())
                    .as("refused answers the warnings count")
                    .isEqualTo(refused);
        }
    }

    @Test
    @Order(2)
    @DisplayName("over -Dclient.ips=64: under 0.1 % answered 429, and the target counts the offered rate within 1 %")
    void spreadHoldsTheRate() throws Exception {
        // Given
        try (ReferenceTarget target = ReferenceTarget.start(limitedTarget())) {

            // When
            RunnerResults runner = run(target, Map.of("client.ips", "64"));

            // Then
            MergedResults merged = MergedResults.ofRunner(runner);
            long answers = merged.countByOutcome().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long refused = merged.countByOutcome().entrySet().stream()
                    .filter(entry -> Outcomes.perClientLimit(entry.getKey()) >= 0
                            || entry.getKey().equals("http_429"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            assertThat((double) refused).as("429s of %d answers", answers).isLessThan(answers * 0.001);
            long scheduled = RATE * SECONDS;
            long sent = LongStream.of(runner.sentPerSecond()).sum();
            assertThat(sent).as("sent of %d scheduled", scheduled).isBetween((long) (scheduled * 0.99), scheduled);
            assertThat(apiRequestsCounted(target))
                    .as("API requests the target counted, of %d scheduled", scheduled)
                    .isBetween((long) (scheduled * 0.99), (long) (scheduled * 1.01));
        }
    }

    private static TargetConfig limitedTarget() {
        return TargetConfig.defaults().withPort(0).withRateLimit(new RateLimit(LIMIT, LIMIT));
    }

    private static long refusedIn(GeneratorWarning warning) {
        Matcher count = REFUSED.matcher(warning.reason());
        assertThat(count.find()).as("a count in: %s", warning.reason()).isTrue();
        return Long.parseLong(count.group(1));
    }

    /** Every /api/v1 request the target answered but the warm-up's, from its own /metrics. */
    private static long apiRequestsCounted(ReferenceTarget target) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(target.baseUrl() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher series = API_REQUESTS.matcher(metrics.body());
        double total = 0;
        while (series.find()) {
            boolean warmUp = series.group(1).contains("route=\"/api/v1/queue/status\"")
                    && series.group(1).contains("status=\"404\"");
            total += warmUp ? 0 : Double.parseDouble(series.group(2));
        }
        return Math.round(total);
    }

    private RunnerResults run(ReferenceTarget target, Map<String, String> extra) throws IOException {
        Path profile = Files.writeString(
                dir.resolve("flat.yaml"),
                "name: flat\nphases:\n  - {name: flat, duration: " + SECONDS + "s, rps: " + RATE + "}\n");
        Map<String, String> properties = new HashMap<>(extra);
        properties.putAll(Map.of(
                "target.url",
                target.baseUrl().toString(),
                "profile.file",
                profile.toString(),
                "run.id",
                "identity",
                "reports.dir",
                dir.resolve("run").toString(),
                "warmup.seconds",
                "3"));
        int exitCode = GatlingLauncher.run(properties, dir.resolve("gatling"), false);
        assertThat(exitCode).as("Gatling's exit code").isZero();
        return ResultsFiles.read(dir.resolve("run").resolve("runner-0"));
    }
}
