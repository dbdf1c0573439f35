package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerResults;

/**
 * One runner in this JVM with {@code -Djourney=status-only}, offered 300 req/s for 4 s against the reference
 * target with a waiting token the test joined: the runner's pacing and results around plain Gatling's work.
 * About 12 s with its 2 s warm-up.
 */
@DisplayName("A status-only runner")
class StatusOnlyIT {
    private static final long RATE = 300;
    private static final int SECONDS = 4;
    /** The target's count of answers per route and status, from its own /metrics. */
    private static final Pattern API_REQUESTS = Pattern.compile(
            "(?m)^tacos_http_requests_total\\{.*route=\"(/api/v1/[^\"]*)\".*status=\"(\\d+)\".*} ([0-9.E]+)$");

    @TempDir
    Path dir;

    @Test
    @DisplayName("sends only GET status for its token, each answered ok, at the offered rate, and joins nothing")
    void sendsOnlyStatus() throws Exception {
        // Given
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0))) {
            String token = join(target.baseUrl());
            Path profile = Files.writeString(
                    dir.resolve("flat.yaml"),
                    "name: flat\nphases:\n  - {name: flat, duration: " + SECONDS + "s, rps: " + RATE + "}\n");

            // When
            int exitCode = GatlingLauncher.run(
                    Map.of(
                            "target.url",
                            target.baseUrl().toString(),
                            "profile.file",
                            profile.toString(),
                            "run.id",
                            "status-only",
                            "reports.dir",
                            dir.resolve("run").toString(),
                            "warmup.seconds",
                            "2",
                            "journey",
                            "status-only",
                            "journey.status.token",
                            token),
                    dir.resolve("gatling"),
                    false);

            // Then the runner recorded only status answers, all ok, as many as it sent
            assertThat(exitCode).as("Gatling's exit code").isZero();
            RunnerResults runner = ResultsFiles.read(dir.resolve("run").resolve("runner-0"));
            MergedResults merged = MergedResults.ofRunner(runner);
            long sent = LongStream.of(runner.sentPerSecond()).sum();
            assertThat(merged.endpoints()).containsExactly("status");
            assertThat(merged.countByOutcome()).containsExactly(Map.entry(Outcomes.OK, sent));
            long scheduled = RATE * SECONDS;
            assertThat(sent).as("sent of %d scheduled", scheduled).isBetween((long) (scheduled * 0.99), scheduled);
            // and the target answered status for the token and nothing else but the test's own join
            Map<String, Double> answered = apiAnswers(target.baseUrl());
            assertThat(answered.keySet())
                    .as("routes and statuses the target answered")
                    .containsOnly("/api/v1/queue/join 202", "/api/v1/queue/status 200", "/api/v1/queue/status 404");
            assertThat(answered.get("/api/v1/queue/join 202")).isEqualTo(1.0);
            assertThat(answered.get("/api/v1/queue/status 200")).isEqualTo((double) sent);
        }
    }

    /** One waiting token, joined as the benchmark joins it before a status-only run. */
    private static String join(URI base) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/queue/join"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "00000000-0000-4000-8000-000000000001")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"event_id\":\"evt_1\",\"user_id\":\"bench\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("join").isEqualTo(202);
        return new ObjectMapper().readTree(answer.body()).path("waiting_token").asText();
    }

    /** "route status" to the count the target answered, from its own /metrics. */
    private static Map<String, Double> apiAnswers(URI base) throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> answers = new java.util.TreeMap<>();
        Matcher series = API_REQUESTS.matcher(metrics);
        while (series.find()) {
            answers.merge(series.group(1) + " " + series.group(2), Double.parseDouble(series.group(3)), Double::sum);
        }
        return answers;
    }
}
