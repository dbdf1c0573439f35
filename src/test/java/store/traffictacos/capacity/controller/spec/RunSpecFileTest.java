package store.traffictacos.capacity.controller.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.runner.HttpVersion;
import store.traffictacos.capacity.runner.RunnerCapacity;

@DisplayName("RunSpecFile")
class RunSpecFileTest {
    /** Runner sizing apart from the identities: 40k from one local address would be refused by the limit. */
    private static final String NO_CLIENT_LIMIT = "platform: {perClientLimitRps: 0}\n";

    private static RunSpec spec(String yaml) {
        return RunSpecFile.parse(yaml, "spec.yaml").toSpec("run-default");
    }

    @Test
    @DisplayName("an empty spec is a local run of the local profile against the embedded target, with a generated id")
    void defaults() {
        // When
        RunSpec spec = spec("");

        // Then
        assertThat(spec.backend()).isEqualTo(RunSpec.Backend.LOCAL);
        assertThat(spec.profile().name()).isEqualTo("local");
        assertThat(spec.target()).isNull();
        assertThat(spec.runId()).isEqualTo("run-default");
        assertThat(spec.runners()).isEqualTo(1);
        assertThat(spec.timeouts().barrier()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("runnerRps derives the runners from the profile's peak: 40k at 5,000 each is 8")
    void runnersFromRunnerRps() {
        assertThat(spec(NO_CLIENT_LIMIT + "profile: 30k\nrunnerRps: 5000\n").runners())
                .isEqualTo(8);
        assertThat(spec(NO_CLIENT_LIMIT + "profile: 30k\nrunnerRps: 7000\n").runners())
                .isEqualTo(6);
    }

    @Test
    @DisplayName("without runners: the more of the default share (40k at 10,500 each: 4) and what 1 s of latency "
            + "needs in flight (40k × 1 s ÷ one runner's measured in-flight)")
    void runnersFromTheDefaultShareAndLatency() {
        int byLatency = (int) Math.ceil(40_000.0 / RunnerCapacity.inFlightCapacity(HttpVersion.HTTP_1_1));
        assertThat(spec(NO_CLIENT_LIMIT + "profile: 30k\n").runners()).isEqualTo(Math.max(4, byLatency));
        assertThat(spec(NO_CLIENT_LIMIT + "profile: 30k\nexpectedLatency: 10ms\n")
                        .runners())
                .isEqualTo(4);
    }

    @Test
    @DisplayName("the expected latency must be a duration with a unit")
    void expectedLatencyIsADuration() {
        assertThatThrownBy(() -> spec("profile: 30k\nexpectedLatency: 1\n"))
                .hasMessageContaining("expectedLatency: must be a duration such as 30s, 5m or 1m30s, got '1'");
    }

    @Test
    @DisplayName("a share above one runner's limit is refused with the number of runners needed")
    void runnerLimit() {
        assertThatThrownBy(() -> spec("profile: 30k\nrunners: 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 30k needs 40000 req/s per runner with 1 runner(s), above one runner's limit of "
                        + "16000 req/s: use at least 3 runners");
    }

    @Test
    @DisplayName("a runnerRps above one runner's limit is refused")
    void runnerRpsAboveTheLimit() {
        assertThatThrownBy(() -> spec("profile: 30k\nrunnerRps: 30000\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.yaml line 2: runnerRps: must be above 0 and at most 16000 (one runner's limit), "
                        + "got 30000.0");
    }

    @Test
    @DisplayName("a bad value names the file, the line and the field")
    void lineNumbered() {
        assertThatThrownBy(() -> spec("profile: smoke\nrunners: -2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.yaml line 2: runners: must be at least 1, got -2");
        assertThatThrownBy(() -> spec("timeouts:\n  barrier: soon\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.yaml line 2: timeouts.barrier: must be a duration such as 30s");
    }

    @Test
    @DisplayName("an unknown key is an error listing the known ones")
    void unknownKey() {
        assertThatThrownBy(() -> spec("runer: 3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.yaml line 1: runer: unknown field (expected")
                .hasMessageContaining("runners");
    }

    @Test
    @DisplayName("the kubernetes backend needs a target URL; the embedded target is for local runs")
    void kubernetesNeedsTarget() {
        assertThatThrownBy(() -> spec("backend: kubernetes\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target: the kubernetes backend needs the platform's URL");
    }

    @Test
    @DisplayName("pre-scaling needs the kubernetes backend")
    void scaleNeedsKubernetes() {
        assertThatThrownBy(() -> spec("scale: [{hpa: gateway-api, min: 5}]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: pre-scaling the platform needs the kubernetes backend");
    }

    @Test
    @DisplayName("scale entries become HPA or Deployment targets in the app namespace unless they name another")
    void scaleTargets() {
        // When
        RunSpec spec = spec("""
                backend: kubernetes
                target: http://gateway-api.tacos-app.svc:8000
                scale:
                  - {hpa: gateway-api, min: 20, max: 100}
                  - {deployment: reservation-worker, namespace: workers, replicas: 4}
                """);

        // Then
        assertThat(spec.scale())
                .containsExactly(
                        ScaleTarget.hpa("tacos-app", "gateway-api", 20, 100),
                        ScaleTarget.deployment("workers", "reservation-worker", 4));
    }

    @Test
    @DisplayName("a Redis URI holding a password is refused: the spec ends up in ConfigMaps and logs")
    void noInlinePassword() {
        assertThatThrownBy(() -> spec("platform:\n  redis: {uri: \"redis://:s3cret@redis:6379\"}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.yaml line 2: platform.redis.uri: must not hold a password: use passwordEnv or "
                        + "passwordSecret")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    @DisplayName("a run id that cannot name Kubernetes objects is refused")
    void runIdShape() {
        assertThatThrownBy(() -> spec("runId: Nightly_1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.yaml line 1: runId: must be 1 to 48 lower-case letters");
    }

    @Test
    @DisplayName("a Redis URI that is not one is named without its password")
    void redisUriRedacted() {
        assertThatThrownBy(() -> spec("platform:\n  redis: {uri: \"http://admin:s3cret@cache:6379\"}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.yaml line 2: platform.redis.uri: must look like redis://host:port, "
                        + "got 'http://cache:6379'");
    }

    @Test
    @DisplayName("a timeout without a unit is refused, as in a profile or an option")
    void durationWithoutUnit() {
        assertThatThrownBy(() -> spec("timeouts:\n  barrier: 10\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec.yaml line 2: timeouts.barrier: must be a duration such as 30s, 5m or 1m30s, "
                        + "got '10'");
    }

    @Test
    @DisplayName("a profile file that cannot be read is named with the shared reason")
    void profileFileMissing() {
        assertThatThrownBy(() -> spec("profileFile: no-such.yaml\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read profile file no-such.yaml: No such file");
    }
}
