package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RunnerSettings: what a runner is told")
class RunnerSettingsTest {
    private static final String DEFAULT_ID = "run-20261206-120000";

    @Test
    @DisplayName("with no properties: the local profile, one runner, the embedded target, the WAF's User-Agent")
    void defaults() {
        // When
        RunnerSettings settings = RunnerSettings.fromProperties(Map.of(), DEFAULT_ID);

        // Then
        assertThat(settings.runId()).isEqualTo(DEFAULT_ID);
        assertThat(settings.profile().profile().name()).isEqualTo("local");
        assertThat(settings.runnerCount()).isEqualTo(1);
        assertThat(settings.target()).isNull();
        assertThat(settings.journeys()).isEqualTo(Journeys.defaults());
        assertThat(settings.journeys().userAgent()).isEqualTo("k6-load-test/1.0");
        assertThat(settings.start()).isEqualTo(StartPlan.SOON);
        assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxInFlight()).isEqualTo(InFlightBudget.BY_TIMEOUT);
        assertThat(settings.transport()).isEqualTo(Transport.defaults());
        assertThat(settings.transport().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.transport().httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(settings.folder().dir())
                .isEqualTo(Path.of("reports", DEFAULT_ID).toAbsolutePath());
    }

    @Test
    @DisplayName("every setting survives toProperties and fromProperties, a profile file's text included")
    void roundTrip(@TempDir Path dir) throws Exception {
        // Given
        Path profile =
                Files.writeString(dir.resolve("steps.yaml"), "phases:\n  - {name: peak, duration: 10s, rps: 30}\n");
        RunnerSettings settings = RunnerSettings.fromProperties(
                Map.ofEntries(
                        Map.entry("run.id", "nightly-7"),
                        Map.entry("target.url", "https://api.example:8443"),
                        Map.entry("profile.file", profile.toString()),
                        Map.entry("runner.count", "3"),
                        Map.entry("start.signal", "file:" + dir.resolve("start-at")),
                        Map.entry("warmup.seconds", "12"),
                        Map.entry("user.agent", "probe/2"),
                        Map.entry("auth", "jwt"),
                        Map.entry("journey.purchase.share", "0.25"),
                        Map.entry("journey.events", "7"),
                        Map.entry("journey.probe.share", "0.5"),
                        Map.entry("journey.seats.per.event", "250"),
                        Map.entry("cleanup", "true"),
                        Map.entry("runner.max.in.flight", "900"),
                        Map.entry("runner.max.rps", "12000.5"),
                        Map.entry("platform.redis", "redis://cache:6379"),
                        Map.entry("slo.file", "slo.yaml"),
                        Map.entry("reports.dir", dir.toString()),
                        Map.entry("runner.controlled", "true"),
                        Map.entry("results.log", "true"),
                        Map.entry("request.timeout", "2500ms"),
                        Map.entry("http.version", "2"),
                        Map.entry("tls.trust.store", dir.resolve("trust.p12").toString()),
                        Map.entry("tls.trust.password", "changeit"),
                        Map.entry("client.ips", "64"),
                        Map.entry("invariants", "off")),
                DEFAULT_ID);

        // When
        RunnerSettings readBack = RunnerSettings.fromProperties(settings.toProperties(), "other-id");

        // Then
        assertThat(readBack).isEqualTo(settings);
        assertThat(readBack.clientIps()).isEqualTo(64);
        assertThat(readBack.invariants()).isFalse();
        assertThat(readBack.profile().profile().name()).isEqualTo("steps");
        assertThat(readBack.toProperties()).doesNotContainKeys("profile.file", "runner.index", "jwt.secret");
    }

    @Test
    @DisplayName("a file's profile goes inline, so a runner that cannot see the file reads the same profile")
    void profileInline(@TempDir Path dir) throws Exception {
        // Given
        Path file = Files.writeString(
                dir.resolve("ramp.yaml"), "phases:\n  - {name: ramp, duration: 5s, from: 1, to: 9}\n");
        RunnerSettings settings = RunnerSettings.of("r-1", ProfileChoice.file(file), 1);
        Map<String, String> properties = settings.toProperties();
        Files.delete(file);

        // When
        RunnerSettings onTheRunner = RunnerSettings.fromProperties(properties, null);

        // Then
        assertThat(onTheRunner.profile().profile()).isEqualTo(settings.profile().profile());
    }

    @Test
    @DisplayName("the runner index comes from the property, else RUNNER_INDEX, else JOB_COMPLETION_INDEX, else 0")
    void runnerIndexSources() {
        RunnerSettings four = RunnerSettings.fromProperties(Map.of("runner.count", "4"), DEFAULT_ID);
        assertThat(four.runnerIndex(Map.of(), Map.of("JOB_COMPLETION_INDEX", "3")))
                .isEqualTo(3);
        assertThat(four.runnerIndex(Map.of(), Map.of("RUNNER_INDEX", "2", "JOB_COMPLETION_INDEX", "3")))
                .isEqualTo(2);
        assertThat(four.runnerIndex(Map.of("runner.index", "1"), Map.of("RUNNER_INDEX", "2")))
                .isEqualTo(1);
        assertThat(four.runnerIndex(Map.of(), Map.of())).isZero();
    }

    @Test
    @DisplayName("a runner index outside 0..count-1 is refused, naming the index")
    void indexOutOfRange() {
        RunnerSettings three = RunnerSettings.fromProperties(Map.of("runner.count", "3"), DEFAULT_ID);
        assertThatThrownBy(() -> three.runnerIndex(Map.of("runner.index", "3"), Map.of()))
                .hasMessage("-Drunner.index: must be within 0..2 for 3 runner(s), got 3");
    }

    @Test
    @DisplayName("a share above the runner's limit is refused, naming how many runners are needed")
    void runnerLimit() {
        assertThatThrownBy(() -> RunnerSettings.fromProperties(Map.of("profile", "30k"), DEFAULT_ID))
                .hasMessage("profile 30k needs 40000 req/s per runner with 1 runner(s), above one runner's limit of "
                        + "16000 req/s: use at least 3 runners");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "runner.count | three | -Drunner.count: must be a whole number, got 'three'",
                "runner.count | -2 | -Drunner.count: must be at least 1, got -2",
                "warmup.seconds | -5 | -Dwarmup.seconds: must not be negative, got -5",
                "runner.max.in.flight | -1 | -Drunner.max.in.flight: must be at least 1 (or 0: by the request timeout), "
                        + "got -1",
                "request.timeout | 10 | -Drequest.timeout: must be a duration such as 30s, 5m or 1m30s, got '10'",
                "http.version | 3 | -Dhttp.version: must be 1.1 or 2, got '3'",
                "tls.insecure | yes | -Dtls.insecure: must be true or false, got 'yes'",
                "runner.max.rps | 0 | -Drunner.max.rps: must be positive, got 0.0",
                "journey.purchase.share | 1.5 | -Djourney.purchase.share: must be within 0..1, got 1.5",
                "journey.events | 0 | -Djourney.events: must be at least 1, got 0",
                "cleanup | maybe | -Dcleanup: must be true or false, got 'maybe'",
                "invariants | false | -Dinvariants: must be on or off, got 'false'",
                "journey.seats.per.event | -1 | -Djourney.seats.per.event: must be at least 1 (or 0: not known), got -1",
                "journey.probe.share | -0.1 | -Djourney.probe.share: must be within 0..1, got -0.1",
                "auth | oauth | -Dauth: must be 'bypass' or 'jwt', got 'oauth'",
                "target.url | ftp://x | -Dtarget.url: must be an http(s) URL such as http://host:port, got 'ftp://x'",
                "platform.redis | http://:PASS@cache | -Dplatform.redis: must look like redis://host:port, got 'http://cache'",
                "run.id | ../../tmp/x | -Drun.id: must be 1 to 48 lower-case letters, digits and '-', starting and ending "
                        + "with a letter or digit (it names Kubernetes objects), got '../../tmp/x'",
                "start.signal | carrier-pigeon | -Dstart.signal: start signal must be 'file:<path>' or 'configmap', got "
                        + "'carrier-pigeon'"
            })
    @DisplayName("a bad value is one line naming the -D option and what it must be")
    void badValues(String key, String value, String message) {
        assertThatThrownBy(() -> RunnerSettings.fromProperties(Map.of(key, value), DEFAULT_ID))
                .hasMessage(message);
    }

    @Test
    @DisplayName("HTTP/2 to a plain-HTTP or embedded target is refused: it is negotiated through TLS")
    void http2NeedsHttps() {
        assertThatThrownBy(() -> RunnerSettings.fromProperties(Map.of("http.version", "2"), DEFAULT_ID)
                        .requireReachableTarget())
                .hasMessage("-Dhttp.version=2: HTTP/2 is negotiated through TLS, so it needs an https:// target.url, "
                        + "got the embedded target");
        assertThat(RunnerSettings.fromProperties(
                                Map.of("http.version", "2", "target.url", "https://api.example"), DEFAULT_ID)
                        .requireReachableTarget()
                        .transport()
                        .httpVersion())
                .isEqualTo(HttpVersion.HTTP_2);
    }

    @Test
    @DisplayName("trusting any certificate and a trust store together are refused")
    void insecureOrTrustStore() {
        assertThatThrownBy(() -> RunnerSettings.fromProperties(
                        Map.of("tls.insecure", "true", "tls.trust.store", "trust.p12"), DEFAULT_ID))
                .hasMessage("-Dtls.insecure=true trusts any certificate: give it or -Dtls.trust.store, not both");
    }

    @Test
    @DisplayName("a start instant and a start signal together are refused")
    void startAtAndSignal() {
        assertThatThrownBy(() ->
                        RunnerSettings.fromProperties(Map.of("start.at", "1", "start.signal", "configmap"), DEFAULT_ID))
                .hasMessage("give -Dstart.at or -Dstart.signal, not both");
    }

    @Test
    @DisplayName("the controller's settings win over the run spec's simulation section, and mark the runner controlled")
    void controlledBy() {
        // Given
        RunnerSettings fromSpec =
                RunnerSettings.fromProperties(Map.of("journey.purchase.share", "0.3", "runner.count", "9"), "spec-id");

        // When
        RunnerSettings told = fromSpec.controlledBy(
                "nightly-1",
                URI.create("http://127.0.0.1:9"),
                ProfileChoice.builtIn("smoke"),
                2,
                Duration.ofSeconds(15),
                true);

        // Then
        assertThat(told.runId()).isEqualTo("nightly-1");
        assertThat(told.runnerCount()).isEqualTo(2);
        assertThat(told.journeys().purchaseShare()).isEqualTo(0.3);
        assertThat(told.controlled()).isTrue();
        assertThat(told.resultsToLog()).isTrue();
    }

    @Test
    @DisplayName("the JWT secret comes from -Djwt.secret or the environment, and is never written out")
    void jwtSecret() {
        assertThat(RunnerSettings.jwtSecret(Map.of(), Map.of("TACOS_JWT_SECRET", "s3cret")))
                .isEqualTo("s3cret");
        assertThat(RunnerSettings.jwtSecret(Map.of("jwt.secret", "given"), Map.of("TACOS_JWT_SECRET", "env")))
                .isEqualTo("given");
        assertThat(RunnerSettings.fromProperties(Map.of("auth", "jwt", "jwt.secret", "s3cret"), DEFAULT_ID)
                        .toProperties())
                .doesNotContainValue("s3cret");
    }

    @Test
    @DisplayName("test data is cleaned up after the run on the embedded target unless -Dcleanup=false, elsewhere "
            + "only with -Dcleanup=true")
    void cleanupByTarget() {
        // Given
        RunnerSettings unset = RunnerSettings.fromProperties(Map.of(), DEFAULT_ID);
        RunnerSettings on = RunnerSettings.fromProperties(Map.of("cleanup", "true"), DEFAULT_ID);
        RunnerSettings off = RunnerSettings.fromProperties(Map.of("cleanup", "false"), DEFAULT_ID);

        // Then
        assertThat(unset.cleanupAfter(true)).isTrue();
        assertThat(unset.cleanupAfter(false)).isFalse();
        assertThat(on.cleanupAfter(false)).isTrue();
        assertThat(off.cleanupAfter(true)).isFalse();
        assertThat(unset.toProperties()).doesNotContainKey("cleanup");
    }

    @Test
    @DisplayName("the ledger of the sale is kept unless -Dinvariants=off, and the runners are told either way")
    void invariantsOnUnlessOff() {
        // Given
        RunnerSettings unset = RunnerSettings.fromProperties(Map.of(), DEFAULT_ID);
        RunnerSettings off = RunnerSettings.fromProperties(Map.of("invariants", " OFF "), DEFAULT_ID);
        RunnerSettings on = RunnerSettings.fromProperties(Map.of("invariants", "on"), DEFAULT_ID);

        // Then
        assertThat(unset.invariants()).isTrue();
        assertThat(on.invariants()).isTrue();
        assertThat(off.invariants()).isFalse();
        assertThat(off.toProperties()).containsEntry("invariants", "off");
        assertThat(unset.toProperties()).containsEntry("invariants", "on");
        assertThat(RunnerSettings.of("r-1", ProfileChoice.builtIn("local"), 1).invariants())
                .isTrue();
    }
}
