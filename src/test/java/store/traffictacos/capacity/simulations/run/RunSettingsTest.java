package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.simulations.endpoints.Auth;

@DisplayName("Run settings")
class RunSettingsTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    @DisplayName("with no properties: the local profile, one runner, the embedded target, the WAF's User-Agent")
    void defaults() {
        // When
        RunSettings settings = RunSettings.from(Map.of(), Map.of(), NOW);

        // Then
        assertThat(settings.profile().name()).isEqualTo("local");
        assertThat(settings.runnerCount()).isEqualTo(1);
        assertThat(settings.targetUrl()).isNull();
        assertThat(settings.userAgent()).isEqualTo("k6-load-test/1.0");
        assertThat(settings.auth()).isInstanceOf(Auth.Bypass.class);
        assertThat(settings.startAtEpochMs()).isEqualTo(NOW + 3_000 + 5_000);
    }

    @Test
    @DisplayName("an unknown profile names the available ones")
    void unknownProfile() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("profile", "50k"), Map.of(), NOW))
                .hasMessage("unknown profile '50k'; available: 30k, 10k, smoke, local (or -Dprofile.file=<yaml>)");
    }

    @Test
    @DisplayName("a malformed profile file names the line and field at fault")
    void malformedProfileFile(@TempDir Path dir) throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("bad.yaml"), "phases:\n  - {name: a, duration: 5x, rps: 10}\n");

        // Then
        assertThatThrownBy(() -> RunSettings.from(Map.of("profile.file", file.toString()), Map.of(), NOW))
                .hasMessageContaining("line 2").hasMessageContaining("phases[0].duration");
    }

    @Test
    @DisplayName("the runner index comes from the property, else RUNNER_INDEX, else JOB_COMPLETION_INDEX")
    void runnerIndexSources() {
        assertThat(RunSettings.from(Map.of("runner.count", "4"), Map.of("JOB_COMPLETION_INDEX", "3"), NOW)
                .runnerIndex()).isEqualTo(3);
        assertThat(RunSettings.from(Map.of(), Map.of("RUNNER_COUNT", "4", "RUNNER_INDEX", "2",
                "JOB_COMPLETION_INDEX", "3"), NOW).runnerIndex()).isEqualTo(2);
        assertThat(RunSettings.from(Map.of("runner.index", "1", "runner.count", "4"), Map.of("RUNNER_INDEX", "2"), NOW)
                .runnerIndex()).isEqualTo(1);
    }

    @Test
    @DisplayName("each runner gets its exact share of the profile")
    void shareOfTheProfile() {
        // When
        RunSettings settings = RunSettings.from(Map.of("profile", "30k", "runner.index", "6", "runner.count", "7"),
                Map.of(), NOW);

        // Then
        assertThat(settings.fullProfile().phases().get(2).fromRps()).isEqualTo(30_000);
        assertThat(settings.profile().phases().get(2).fromRps()).isEqualTo(4285.715);
    }

    @Test
    @DisplayName("a share above the runner's limit is refused, naming how many runners are needed")
    void runnerLimit() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("profile", "30k"), Map.of(), NOW))
                .hasMessage("profile 30k needs 40000 req/s per runner with 1 runner(s), above one runner's limit of "
                        + "24000 req/s: use at least 2 runners");
        assertThat(RunSettings.from(Map.of("profile", "30k", "runner.count", "3"), Map.of(), NOW).profile()
                .phases().get(3).fromRps()).isCloseTo(13333.333, within(0.001));
    }

    @Test
    @DisplayName("by default a runner keeps at most 2,000 requests in flight, whatever its share")
    void maxInFlightDefault() {
        assertThat(RunSettings.from(Map.of("profile", "30k", "runner.count", "2"), Map.of(), NOW).maxInFlight())
                .isEqualTo(2_000);
    }

    @Test
    @DisplayName("runner.max.in.flight overrides the default bound")
    void maxInFlightProperty() {
        assertThat(RunSettings.from(Map.of("profile", "30k", "runner.count", "2", "runner.max.in.flight", "300"),
                Map.of(), NOW).maxInFlight()).isEqualTo(300);
    }

    @Test
    @DisplayName("a runner index outside 0..count-1 is refused")
    void indexOutOfRange() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("runner.index", "3", "runner.count", "3"), Map.of(), NOW))
                .hasMessage("runner index must be within 0..2 for 3 runners, got 3");
    }

    @Test
    @DisplayName("a start instant that leaves no time to start is refused")
    void startInThePast() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("start.at", Long.toString(NOW - 1)), Map.of(), NOW))
                .hasMessageContaining("-Dstart.at=" + (NOW - 1));
    }

    @Test
    @DisplayName("a given start instant, target URL and JWT auth are taken as given")
    void explicitValues() {
        // When
        RunSettings settings = RunSettings.from(Map.of("start.at", Long.toString(NOW + 60_000),
                "target.url", "http://127.0.0.1:9000", "auth", "jwt", "jwt.secret", "s3cret"), Map.of(), NOW);

        // Then
        assertThat(settings.startAtEpochMs()).isEqualTo(NOW + 60_000);
        assertThat(settings.targetUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.auth()).isEqualTo(new Auth.Jwt("s3cret"));
    }

    @Test
    @DisplayName("the platform's Redis to sample is a redis:// URI, none by default")
    void platformRedis() {
        assertThat(RunSettings.from(Map.of(), Map.of(), NOW).platformRedis()).isNull();
        assertThat(RunSettings.from(Map.of("platform.redis", "redis://127.0.0.1:6379"), Map.of(), NOW).platformRedis())
                .isEqualTo(URI.create("redis://127.0.0.1:6379"));
        assertThatThrownBy(() -> RunSettings.from(Map.of("platform.redis", "127.0.0.1:6379"), Map.of(), NOW))
                .hasMessage("-Dplatform.redis must look like redis://host:port, got '127.0.0.1:6379'");
    }

    @Test
    @DisplayName("bad values are one-line errors naming the property")
    void badValues() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("runner.count", "three"), Map.of(), NOW))
                .hasMessage("-Drunner.count must be a whole number, got 'three'");
        assertThatThrownBy(() -> RunSettings.from(Map.of("target.url", "ftp://x"), Map.of(), NOW))
                .hasMessage("-Dtarget.url must be an http(s) URL, got 'ftp://x'");
        assertThatThrownBy(() -> RunSettings.from(Map.of("auth", "jwt"), Map.of(), NOW))
                .hasMessage("-Dauth=jwt needs -Djwt.secret=... or env TACOS_JWT_SECRET");
    }
}
