package store.traffictacos.capacity.profile;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ProfileFile: a user's YAML profile, with one-line errors that name the line and field")
class ProfileFileTest {

    @Test
    @DisplayName("a file in flow style parses into its profile")
    void flowStyle() {
        // Given
        String yaml = """
                name: my-test
                phases:
                  - {name: warm-up, duration: 2m, rps: 5000}
                  - {name: ramp, duration: 5m, from: 10000, to: 20000}
                  - {name: peak, duration: 10m, rps: 30000}
                """;

        // When
        LoadProfile profile = ProfileFile.parse(yaml, "profile.yaml");

        // Then
        assertThat(profile)
                .isEqualTo(new LoadProfile(
                        "my-test",
                        List.of(
                                Phase.constant("warm-up", ofMinutes(2), 5_000),
                                Phase.ramp("ramp", ofMinutes(5), 10_000, 20_000),
                                Phase.constant("peak", ofMinutes(10), 30_000))));
    }

    @Test
    @DisplayName("a file in block style with comments and fractional rates parses the same way")
    void blockStyle() {
        // Given
        String yaml = """
                # a short spike test
                name: spike
                phases:
                  - name: warm-up
                    duration: 30s      # a unit is always needed
                    rps: 2.5
                  - name: spike
                    duration: 1m30s
                    from: 10
                    to: 5_000
                """;

        // When
        LoadProfile profile = ProfileFile.parse(yaml, "spike.yaml");

        // Then
        assertThat(profile)
                .isEqualTo(new LoadProfile(
                        "spike",
                        List.of(
                                Phase.constant("warm-up", ofSeconds(30), 2.5),
                                Phase.ramp("spike", ofSeconds(90), 10, 5_000))));
    }

    @Test
    @DisplayName("a phase with judge: false is run but not judged; the others are judged")
    void notJudged() {
        // Given
        String yaml = """
                phases:
                  - {name: warm-up, duration: 1m, rps: 50, judge: false}
                  - {name: peak, duration: 5m, rps: 500, judge: true}
                  - {name: stress, duration: 5m, rps: 700}
                """;

        // When
        LoadProfile profile = ProfileFile.parse(yaml, "profile.yaml");

        // Then
        assertThat(profile.phases()).extracting(Phase::judged).containsExactly(false, true, true);
    }

    @Test
    @DisplayName("without a name the profile is named after the file, without directory and extension")
    void nameDefaultsToFileName() {
        // When
        LoadProfile profile =
                ProfileFile.parse("phases: [{name: peak, duration: 1s, rps: 1}]", "configs/black-friday.yaml");

        // Then
        assertThat(profile.name()).isEqualTo("black-friday");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "2m, 120000",
        "1h, 3600000",
        "1m30s, 90000",
        "1h2m3s4ms, 3723004",
        "2m500ms, 120500"
    })
    @DisplayName("durations are written with h, m, s, ms units, combined largest first")
    void durations(String text, long millis) {
        // When
        LoadProfile profile = ProfileFile.parse("phases: [{name: peak, duration: " + text + ", rps: 1}]", "p.yaml");

        // Then
        assertThat(profile.phases().get(0).duration()).isEqualTo(ofMillis(millis));
    }

    @Test
    @DisplayName("parse(Path) reads the file and names it in errors")
    void parsePath(@TempDir Path dir) throws IOException {
        // Given
        Path file =
                Files.writeString(dir.resolve("profile.yaml"), "phases:\n  - {name: peak, duration: 1s, rps: -5}\n");

        // Then
        assertThatThrownBy(() -> ProfileFile.parse(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage(file + " line 2: phases[0].rps: must be >= 0, got -5");
    }

    @Test
    @DisplayName("a missing file is a one-line error naming the file")
    void missingFile() {
        // Then
        assertThatThrownBy(() -> ProfileFile.parse(Path.of("x.yaml")))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cannot read profile file x.yaml: No such file");
    }

    @Test
    @DisplayName("a directory instead of a file is a one-line error naming it")
    void directory(@TempDir Path dir) {
        // Then
        assertThatThrownBy(() -> ProfileFile.parse(dir))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cannot read profile file " + dir + ": it is a folder");
    }

    @Test
    @DisplayName("a file that is not UTF-8 text is a one-line error naming the file")
    void notUtf8(@TempDir Path dir) throws IOException {
        // Given
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});

        // Then
        assertThatThrownBy(() -> ProfileFile.parse(file))
                .isInstanceOf(ProfileException.class)
                .hasMessage("cannot read profile file " + file + ": not UTF-8 text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    @DisplayName("a malformed file gives a one-line error naming the source, the line and the field at fault")
    void malformed(String fault, String yaml, String message) {
        // When / Then
        assertThatThrownBy(() -> ProfileFile.parse(yaml, "profile.yaml"))
                .isInstanceOf(ProfileException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                fault(
                        "a duration with an unknown unit",
                        """
                        name: my-test
                        phases:
                          - {name: warm-up, duration: 2m, rps: 5000}
                          - {name: ramp, duration: 5x, from: 10000, to: 20000}
                        """,
                        "profile.yaml line 4: phases[1].duration: must be a duration such as 30s, 5m or 1m30s, "
                                + "got '5x'"),
                fault(
                        "a duration without a unit",
                        """
                        phases:
                          - {name: peak, duration: 5, rps: 1}
                        """,
                        "profile.yaml line 2: phases[0].duration: must be a duration such as 30s, 5m or 1m30s, "
                                + "got '5'"),
                fault("a negative rate", """
                        name: my-test
                        phases:
                          - {name: warm-up, duration: 2m, rps: -5}
                        """, "profile.yaml line 3: phases[0].rps: must be >= 0, got -5"),
                fault("a phase with no rate", """
                        phases:
                          - {name: warm-up, duration: 2m, rps: 5000}
                          - {name: ramp, duration: 5m, from: 10000, to: 20000}

                          - {name: peak, duration: 10m}
                        """, "profile.yaml line 5: phases[2]: give either rps or from and to"),
                fault(
                        "a phase with both rps and from",
                        """
                        phases:
                          - {name: peak, duration: 10m, rps: 1, from: 1, to: 2}
                        """,
                        "profile.yaml line 2: phases[0]: give either rps or from and to"),
                fault(
                        "a ramp without its end rate",
                        """
                        phases:
                          - name: ramp
                            duration: 5m
                            from: 10
                        """,
                        "profile.yaml line 2: phases[0]: give either rps or from and to"),
                fault(
                        "a misspelt phase field",
                        """
                        name: my-test
                        phases:
                          - {name: warm-up, duration: 2m, rsp: 5000}
                        """,
                        "profile.yaml line 3: phases[0].rsp: unknown field "
                                + "(expected duration, from, judge, name, rps, to)"),
                fault(
                        "judge that is not true or false",
                        """
                        phases:
                          - {name: warm-up, duration: 2m, rps: 5000, judge: "no"}
                        """,
                        "profile.yaml line 2: phases[0].judge: expected true or false, got text 'no'"),
                fault(
                        "a misspelt top-level field",
                        """
                        name: my-test
                        phase:
                          - {name: warm-up, duration: 2m, rps: 5000}
                        """,
                        "profile.yaml line 2: phase: unknown field (expected name, phases)"),
                fault(
                        "a negative rate deep in a block-style file",
                        """
                        phases:
                          - name: warm-up
                            duration: 2m
                            rps: 5000
                          - name: ramp
                            duration: 5m
                            from: 10000
                            to: -1
                        """,
                        "profile.yaml line 8: phases[1].to: must be >= 0, got -1"),
                fault("a field given twice", """
                        phases:
                          - name: peak
                            rps: 1
                            duration: 1s
                            rps: 2
                        """, "profile.yaml line 5: phases[0]: duplicate field 'rps'"),
                fault(
                        "two phases with one name",
                        """
                        phases:
                          - {name: peak, duration: 1s, rps: 1}
                          - {name: peak, duration: 1s, rps: 2}
                        """,
                        "profile.yaml line 3: phases[1].name: duplicate phase name 'peak'"),
                fault("a phase without duration", """
                        phases:
                          - {name: peak, rps: 1}
                        """, "profile.yaml line 2: phases[0]: missing field 'duration'"),
                fault(
                        "duration units out of order",
                        """
                        phases:
                          - {name: peak, duration: 1s1m, rps: 1}
                        """,
                        "profile.yaml line 2: phases[0].duration: must be a duration such as 30s, 5m or 1m30s, "
                                + "got '1s1m'"),
                fault(
                        "an empty quoted duration",
                        """
                        phases:
                          - {name: peak, duration: '', rps: 1}
                        """,
                        "profile.yaml line 2: phases[0].duration: must be a duration such as 30s, 5m or 1m30s, "
                                + "got ''"),
                fault("a zero duration", """
                        phases:
                          - {name: peak, duration: 0s, rps: 1}
                        """, "profile.yaml line 2: phases[0].duration: must be positive, got '0s'"),
                fault(
                        "a rate with a thousands separator",
                        """
                        phases:
                          - name: peak
                            duration: 1m
                            rps: 5,000
                        """,
                        "profile.yaml line 4: phases[0].rps: expected a number of requests per second, got text '5,000'"),
                fault(
                        "a quoted rate",
                        """
                        phases:
                          - {name: peak, duration: 1m, rps: "5000"}
                        """,
                        "profile.yaml line 2: phases[0].rps: expected a number of requests per second, got text '5000'"),
                fault(
                        "an empty rate",
                        """
                        phases:
                          - name: peak
                            duration: 1m
                            rps:
                        """,
                        "profile.yaml line 4: phases[0].rps: expected a number of requests per second, got nothing"),
                fault("a blank profile name", """
                        name: ' '
                        phases: [{name: peak, duration: 1s, rps: 1}]
                        """, "profile.yaml line 1: name: must not be blank"),
                fault("no phases field", """
                        name: my-test
                        """, "profile.yaml line 1: missing field 'phases'"),
                fault("an empty phase list", """
                        name: my-test
                        phases: []
                        """, "profile.yaml line 2: phases: must list at least one phase"),
                fault(
                        "phases that are not a list",
                        """
                        phases: 5
                        """,
                        "profile.yaml line 1: phases: expected a list of phases, got the number 5"),
                fault(
                        "an empty phase",
                        """
                        phases:
                          - {name: peak, duration: 1s, rps: 1}
                          -
                        """,
                        "profile.yaml line 3: phases[1]: expected a phase like "
                                + "{name: peak, duration: 10m, rps: 30000}, got nothing"),
                fault(
                        "a phase that is not a mapping",
                        """
                        phases:
                          - peak
                        """,
                        "profile.yaml line 2: phases[0]: expected a phase like {name: peak, duration: 10m, rps: 30000}, got text 'peak'"),
                fault(
                        "a document that is not a mapping",
                        """
                        - {name: peak, duration: 1s, rps: 1}
                        """,
                        "profile.yaml line 1: expected a mapping with name and phases, got a list"),
                fault("an empty file", """
                        # nothing yet
                        """, "profile.yaml: the file is empty; a profile needs at least 'phases'"),
                fault("two YAML documents", """
                        phases: [{name: peak, duration: 1s, rps: 1}]
                        ---
                        phases: [{name: peak, duration: 1s, rps: 1}]
                        """, "profile.yaml line 3: expected one YAML document, found a second"),
                fault(
                        "an unclosed flow mapping",
                        """
                        phases:
                          - {name: peak, duration: 1s, rps: 1
                          - {name: stress, duration: 1s, rps: 2}
                        """,
                        "profile.yaml line 3: invalid YAML: expected ',' or '}', but got { "
                                + "(while parsing a flow mapping from line 2)"),
                fault(
                        "a mis-indented phase after comments",
                        """
                        phases:
                          - {name: peak, duration: 1s, rps: 1}

                        # the next phase is indented too far
                            - {name: stress, duration: 1s, rps: 2}
                        """,
                        "profile.yaml line 5: invalid YAML: expected <block end>, but found '<block sequence start>' "
                                + "(while parsing a block collection from line 2)"),
                fault(
                        "a tab used for indentation",
                        "phases:\n\t- {name: peak, duration: 1s, rps: 1}\n",
                        "profile.yaml line 2: invalid YAML: found character '\\t(TAB)' that cannot start any token. "
                                + "(Do not use \\t(TAB) for indentation)"));
    }

    private static Arguments fault(String fault, String yaml, String message) {
        return Arguments.of(fault, yaml, message);
    }
}
