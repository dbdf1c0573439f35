package store.traffictacos.capacity.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn gatling:test} verbatim, as CI runs it nightly: its exit code follows the verdict, with the
 * opt-out, and bad input is one line. A 3-second profile against the embedded target, judged by an SLO file
 * that certainly fails; about 15 s per command, most of it Maven's own start. A run that passes exits 0:
 * the README's main job, run as written by {@code ReadmeCommandsIT}, is that run.
 */
@DisplayName("mvn gatling:test, verbatim")
class MavenGatlingTestIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path files;

    private final List<String> runIds = new ArrayList<>();
    private Path profile;

    @BeforeEach
    void writeProfile() throws IOException {
        profile = Files.writeString(
                files.resolve("tiny.yaml"), "name: tiny\nphases:\n  - {name: peak, duration: 3s, rps: 20}\n");
    }

    @Test
    @DisplayName("a run whose SLO fails exits non-zero, its verdict the last line above Maven's BUILD FAILURE")
    void failingVerdictFailsTheBuild() throws IOException {
        // When
        Result result = mvn("mvn-fail", tiny("-Dslo.file=" + slo("fail.yaml", "p50_ms", 0.001)));

        // Then
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.ownLines()).last().asString().startsWith("verdict: FAIL");
    }

    @Test
    @DisplayName("the same run with -Dverdict.failBuild=false exits 0")
    void optOut() throws IOException {
        // When
        Result result =
                mvn("mvn-optout", tiny("-Dslo.file=" + slo("fail.yaml", "p50_ms", 0.001), "-Dverdict.failBuild=false"));

        // Then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("verdict: FAIL");
    }

    @Test
    @DisplayName("an unknown profile is one error line and nothing of the simulation's JVM else, and no run folder")
    void badInput() {
        // When
        Result result = mvn("mvn-bad-input", List.of("-Dprofile=nope"));

        // Then
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.ownLines())
                .as(result.output())
                .filteredOn(line -> !line.startsWith("Gatling ") || !line.contains(" is available!"))
                .containsExactly(
                        "error: unknown profile 'nope'; available: 30k, 10k, smoke, local (or -Dprofile.file=<yaml>)");
        assertThat(result.output()).doesNotContain("\tat ");
        assertThat(PROJECT.resolve("reports").resolve("mvn-bad-input")).doesNotExist();
    }

    @AfterEach
    void removeRunFolders() throws IOException {
        for (String runId : runIds) {
            Path folder = PROJECT.resolve("reports").resolve(runId);
            if (Files.exists(folder)) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** What Maven printed and its exit code; {@link #ownLines} are the lines the simulation's JVM printed. */
    record Result(int exitCode, String output) {
        List<String> ownLines() {
            return output.lines()
                    .map(line -> line.replaceAll("\u001B\\[[;\\d]*m", ""))
                    .filter(line -> !line.startsWith("[") && !line.isBlank())
                    .toList();
        }
    }

    private String slo(String name, String metric, double below) throws IOException {
        return Files.writeString(
                        files.resolve(name),
                        "settleSeconds: 0\nslos:\n  - {name: " + metric + ", metric: " + metric + ", below: " + below
                                + "}\n")
                .toString();
    }

    /** The 3-second profile with a 1 s warm-up, and {@code options}. */
    private List<String> tiny(String... options) {
        List<String> all = new ArrayList<>(List.of("-Dprofile.file=" + profile, "-Dwarmup.seconds=1"));
        all.addAll(List.of(options));
        return all;
    }

    /** {@code mvn -q -B gatling:test -Drun.id=<runId> <options>}. */
    private Result mvn(String runId, List<String> options) {
        runIds.add(runId);
        List<String> command =
                new ArrayList<>(List.of("mvn", "-q", "-B", "-Dstyle.color=never", "gatling:test", "-Drun.id=" + runId));
        command.addAll(options);
        try {
            Process process = new ProcessBuilder(command)
                    .directory(PROJECT.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mvn did not end: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
