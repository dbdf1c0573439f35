package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.Fault;
import store.traffictacos.capacity.simulations.endpoints.Auth;

@DisplayName("Run settings: one runner's share, start and journeys")
class RunSettingsTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    @DisplayName(
            "with no properties: runner 0 of 1 starts after the start-up allowance and the warm-up, bypassing auth")
    void defaults() {
        // When
        RunSettings settings = RunSettings.from(Map.of(), Map.of(), NOW);

        // Then
        assertThat(settings.runnerIndex()).isZero();
        assertThat(settings.profile()).isEqualTo(settings.fullProfile());
        assertThat(settings.auth()).isInstanceOf(Auth.Bypass.class);
        assertThat(settings.startAtEpochMs()).isEqualTo(NOW + 3_000 + 5_000);
        assertThat(settings.startSignal()).isNull();
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
                .hasMessageContaining("line 2")
                .hasMessageContaining("phases[0].duration");
    }

    @Test
    @DisplayName("each runner gets its exact share of the profile, by its index from the environment")
    void shareOfTheProfile() {
        // When
        RunSettings settings = RunSettings.from(
                Map.of("profile", "30k", "runner.count", "7"), Map.of("JOB_COMPLETION_INDEX", "6"), NOW);

        // Then
        assertThat(settings.runnerIndex()).isEqualTo(6);
        assertThat(settings.fullProfile().phases().get(2).fromRps()).isEqualTo(30_000);
        assertThat(settings.profile().phases().get(2).fromRps()).isEqualTo(4285.715);
        assertThat(RunSettings.from(Map.of("profile", "30k", "runner.count", "3"), Map.of(), NOW)
                        .profile()
                        .phases()
                        .get(3)
                        .fromRps())
                .isCloseTo(13333.333, within(0.001));
    }

    @Test
    @DisplayName("a start instant that leaves no time to start is refused")
    void startInThePast() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("start.at", Long.toString(NOW - 1)), Map.of(), NOW))
                .hasMessageStartingWith("-Dstart.at: " + (NOW - 1) + " is less than 3 s ahead");
    }

    @Test
    @DisplayName("a given start instant and JWT auth with its secret are taken as given")
    void explicitValues() {
        // When
        RunSettings settings = RunSettings.from(
                Map.of("start.at", Long.toString(NOW + 60_000), "auth", "jwt"),
                Map.of("TACOS_JWT_SECRET", "s3cret"),
                NOW);

        // Then
        assertThat(settings.startAtEpochMs()).isEqualTo(NOW + 60_000);
        assertThat(settings.auth()).isEqualTo(new Auth.Jwt("s3cret"));
    }

    @Test
    @DisplayName("JWT auth without a secret is refused, saying where the secret goes")
    void jwtWithoutSecret() {
        assertThatThrownBy(() -> RunSettings.from(Map.of("auth", "jwt"), Map.of(), NOW))
                .hasMessage("-Dauth=jwt needs -Djwt.secret=... or env TACOS_JWT_SECRET");
    }

    @Test
    @DisplayName("the journey plan takes the purchase share and the number of events")
    void plan() {
        // When
        RunSettings settings =
                RunSettings.from(Map.of("journey.purchase.share", "0.2", "journey.events", "3"), Map.of(), NOW);

        // Then
        assertThat(settings.plan().purchaseShare()).isEqualTo(0.2);
        assertThat(settings.plan().events()).isEqualTo(3);
    }

    @Test
    @DisplayName(
            "-Dtarget.fault names the embedded target's faults; unknown ones and faults with a given URL are refused")
    void targetFaults() {
        // When
        RunSettings settings = RunSettings.from(Map.of("target.fault", "oversell,late-confirm"), Map.of(), NOW);

        // Then
        assertThat(settings.targetFaults()).containsExactlyInAnyOrder(Fault.OVERSELL, Fault.LATE_CONFIRM);
        assertThat(RunSettings.from(Map.of(), Map.of(), NOW).targetFaults()).isEmpty();
        assertThatThrownBy(() -> RunSettings.from(Map.of("target.fault", "oversold"), Map.of(), NOW))
                .hasMessageStartingWith("-Dtarget.fault: unknown fault 'oversold', expected one of oversell");
        assertThatThrownBy(() -> RunSettings.from(
                        Map.of("target.fault", "oversell", "target.url", "http://127.0.0.1:9"), Map.of(), NOW))
                .hasMessage("-Dtarget.fault: only the embedded target takes faults, not -Dtarget.url");
    }

    @Test
    @DisplayName("the journey plan takes the probe share")
    void probeShare() {
        // When
        RunSettings settings = RunSettings.from(Map.of("journey.probe.share", "0.5"), Map.of(), NOW);

        // Then
        assertThat(settings.plan().probeShare()).isEqualTo(0.5);
    }
}
