package store.traffictacos.capacity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tacos-capacity run} given a bad value: one error line, exit code 1, before anything runs. */
@DisplayName("run command: a bad value, from an option or the run spec")
class RunCommandInputTest {
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine commandLine = TacosCapacity.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    @DisplayName("a bad --target reads as the same bad target in a spec, each prefixed by where it was given")
    void sameErrorForOptionAndSpec() throws IOException {
        // Given
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "profile: smoke\nrunners: 1\ntarget: ftp://gw:80\n");
        String problem = "target: must be an http(s) URL such as http://host:port, got 'ftp://gw:80'";

        // When
        int fromOption = run("run", "--target", "ftp://gw:80");
        int fromSpec = run("run", "--spec", spec.toString());

        // Then
        assertThat(fromOption).isEqualTo(1);
        assertThat(fromSpec).isEqualTo(1);
        assertThat(err.toString().lines())
                .containsExactly("error: --" + problem, "error: " + spec + " line 3: " + problem);
    }

    @Test
    @DisplayName("--barrier-timeout without a unit is refused, saying how to write a duration")
    void durationWithoutUnit() {
        // When
        int exit = run("run", "--barrier-timeout", "10");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: --barrier-timeout: must be a duration such as 30s, 5m or 1m30s, got '10'");
    }

    @Test
    @DisplayName("a run id that cannot name a folder or Kubernetes objects is refused with the shared rule")
    void runId() {
        // When
        int exit = run("run", "--run-id", "../x");

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("error: --run-id: must be 1 to 48 lower-case letters");
    }
}
