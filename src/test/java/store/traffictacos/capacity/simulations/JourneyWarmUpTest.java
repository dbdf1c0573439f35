package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.target.ReferenceTarget;
import store.traffictacos.capacity.target.TargetConfig;
import store.traffictacos.capacity.target.guard.RateLimit;

@DisplayName("Journey warm-up")
class JourneyWarmUpTest {
    private static final Pattern JOINS = Pattern.compile(
            "(?m)^tacos_http_requests_total\\{[^}]*route=\"/api/v1/queue/join\"[^}]*} ([0-9.E]+)$");

    @Test
    @DisplayName("the journey is warmed up against the runner's own target: the platform sees only the measured joins")
    void warmUpNeverReachesThePlatform(@TempDir Path dir) throws Exception {
        try (ReferenceTarget platform = ReferenceTarget.start(
                TargetConfig.defaults().withPort(0).withRateLimit(RateLimit.off()))) {
            // Given a run against the platform with a 6 s warm-up, time enough to warm the journey up
            Path profile = Files.writeString(dir.resolve("short.yaml"),
                    "name: short\nphases:\n  - {name: steady, duration: 3s, rps: 60}\n");

            // When
            int exitCode = GatlingLauncher.run(Map.of("target.url", platform.baseUrl().toString(),
                    "profile.file", profile.toString(), "run.id", "warm", "reports.dir", dir.resolve("warm").toString(),
                    "warmup.seconds", "6"), dir.resolve("gatling"), true);

            // Then the platform answered exactly the joins the run measured
            MergedResults results = MergedResults.merge(List.of(ResultsFiles.read(dir.resolve("warm/runner-0"))));
            long measuredJoins = results.series().entrySet().stream()
                    .filter(entry -> entry.getKey().endpoint().equals("join"))
                    .mapToLong(entry -> entry.getValue().totalCount()).sum();
            assertThat(exitCode).isZero();
            assertThat(measuredJoins).isPositive();
            assertThat(platformJoins(platform.baseUrl())).isEqualTo(measuredJoins);

            // and Gatling sent more than the measured requests and the status warm-up: the journey warm-up's
            Map<String, Long> gatling = GatlingLauncher.requestCounts(Files.readString(gatlingIndex(dir)));
            long measured = results.series().values().stream().mapToLong(series -> series.totalCount()).sum();
            assertThat(gatling.get("All Requests")).isGreaterThan(measured + gatling.getOrDefault("warm-up", 0L));
        }
    }

    private static long platformJoins(URI baseUrl) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUrl.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher row = JOINS.matcher(metrics);
        long joins = 0;
        while (row.find()) {
            joins += (long) Double.parseDouble(row.group(1));
        }
        return joins;
    }

    private static Path gatlingIndex(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("gatling"))) {
            return files.filter(file -> file.getFileName().toString().equals("index.html")).findFirst().orElseThrow();
        }
    }
}
