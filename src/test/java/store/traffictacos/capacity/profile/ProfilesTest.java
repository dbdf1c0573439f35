package store.traffictacos.capacity.profile;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Profiles: the built-in profiles and choosing one for a run")
class ProfilesTest {

    @Test
    @DisplayName("30k is exactly the spec's production table")
    void thirtyKMatchesSpec() {
        // When
        LoadProfile profile = Profiles.builtIn("30k").orElseThrow();

        // Then
        assertThat(profile.phases())
                .containsExactly(
                        new Phase("warm-up", ofMinutes(2), 5_000, 5_000).notJudged(),
                        new Phase("ramp", ofMinutes(5), 10_000, 20_000),
                        new Phase("peak", ofMinutes(10), 30_000, 30_000),
                        new Phase("stress", ofMinutes(5), 40_000, 40_000));
    }

    @Test
    @DisplayName("10k has 30k's durations with round rates peaking at 10,000")
    void tenK() {
        // When
        LoadProfile profile = Profiles.builtIn("10k").orElseThrow();

        // Then
        assertThat(profile.phases())
                .containsExactly(
                        new Phase("warm-up", ofMinutes(2), 2_000, 2_000).notJudged(),
                        new Phase("ramp", ofMinutes(5), 3_000, 7_000),
                        new Phase("peak", ofMinutes(10), 10_000, 10_000),
                        new Phase("stress", ofMinutes(5), 13_000, 13_000));
    }

    @Test
    @DisplayName("the names are 30k, 10k, smoke and local, in that order")
    void names() {
        // Then
        assertThat(Profiles.names()).containsExactly("30k", "10k", "smoke", "local");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allProfiles")
    @DisplayName("every built-in profile has the phases warm-up, ramp, peak, stress with a ramp and a rising peak")
    void sameShape(LoadProfile profile) {
        // Then
        assertThat(profile.phases()).extracting(Phase::name).containsExactly("warm-up", "ramp", "peak", "stress");
        assertThat(profile.phases()).extracting(Phase::isRamp).containsExactly(false, true, false, false);
        List<Phase> phases = profile.phases();
        assertThat(phases.get(3).fromRps()).isGreaterThan(phases.get(2).fromRps());
        assertThat(phases.get(2).fromRps()).isGreaterThanOrEqualTo(phases.get(1).toRps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allProfiles")
    @DisplayName("every built-in profile runs its warm-up unjudged and judges every other phase")
    void warmUpNotJudged(LoadProfile profile) {
        // Then
        assertThat(profile.phases()).extracting(Phase::judged).containsExactly(false, true, true, true);
    }

    @Test
    @DisplayName("smoke runs seconds per phase, with enough requests in each judged phase to judge its p99")
    void smoke() {
        // When
        LoadProfile profile = Profiles.builtIn("smoke").orElseThrow();

        // Then 13 s, and at least 559 requests per judged phase: p99 bounded below the slowest response
        assertThat(profile.totalDuration()).isEqualTo(ofSeconds(13));
        assertThat(profile.phases())
                .filteredOn(Phase::judged)
                .allSatisfy(phase -> assertThat(phase.expectedRequests()).isGreaterThanOrEqualTo(559));
    }

    @Test
    @DisplayName("local, the default, runs a minute at a few hundred rps")
    void local() {
        // When
        LoadProfile profile = Profiles.resolve(null, null);

        // Then
        assertThat(profile.name()).isEqualTo("local");
        assertThat(profile.totalDuration()).isEqualTo(ofMinutes(1));
        assertThat(profile.phases())
                .allSatisfy(phase -> assertThat(phase.toRps()).isLessThanOrEqualTo(400));
    }

    @Test
    @DisplayName("a blank name means the default profile")
    void blankNameIsDefault() {
        // Then
        assertThat(Profiles.resolve(" ", null).name()).isEqualTo(Profiles.DEFAULT);
    }

    @Test
    @DisplayName("resolve by name returns the built-in profile")
    void resolveByName() {
        // Then
        assertThat(Profiles.resolve("30k", null))
                .isEqualTo(Profiles.builtIn("30k").orElseThrow());
    }

    @Test
    @DisplayName("an unknown name is an error listing the available profiles on one line")
    void unknownName() {
        // Then
        assertThat(Profiles.builtIn("foo")).isEmpty();
        assertThatThrownBy(() -> Profiles.resolve("foo", null))
                .isInstanceOf(ProfileException.class)
                .hasMessage("unknown profile 'foo'; available: 30k, 10k, smoke, local (or -Dprofile.file=<yaml>)");
    }

    @Test
    @DisplayName("resolve with a file parses the file")
    void resolveFile(@TempDir Path dir) throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("spike.yaml"), "phases: [{name: spike, duration: 10s, rps: 100}]\n");

        // When
        LoadProfile profile = Profiles.resolve(null, file);

        // Then
        assertThat(profile).isEqualTo(new LoadProfile("spike", List.of(Phase.constant("spike", ofSeconds(10), 100))));
    }

    @Test
    @DisplayName("a name and a file together are an error, not a silent preference")
    void nameAndFile() {
        // Then
        assertThatThrownBy(() -> Profiles.resolve("30k", Path.of("x.yaml")))
                .isInstanceOf(ProfileException.class)
                .hasMessage("give either a profile name or a profile file, not both (got '30k' and x.yaml)");
    }

    static List<LoadProfile> allProfiles() {
        return Profiles.names().stream()
                .map(name -> Profiles.builtIn(name).orElseThrow())
                .toList();
    }
}
