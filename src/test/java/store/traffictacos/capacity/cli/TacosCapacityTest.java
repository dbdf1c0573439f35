package store.traffictacos.capacity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("Command line")
class TacosCapacityTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = TacosCapacity.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    @DisplayName("--help lists the subcommands and exits 0")
    void helpListsSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Commands:").contains("target");
    }

    @Test
    @DisplayName("an invalid option value is one error line and exit code 1")
    void invalidOption() {
        assertThat(run("target", "--port", "70000")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: port must be 0..65535, got 70000");
    }

    @Test
    @DisplayName("an unknown --fault is one error line naming the faults there are, exit code 1")
    void unknownFault() {
        assertThat(run("target", "--port", "0", "--fault", "oversell,undersell"))
                .isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: --fault: unknown fault 'undersell', expected one of oversell, double-admit, "
                        + "confirm-unpaid, late-confirm");
    }

    @Test
    @DisplayName("an error line never shows the password of a URL, even in a message the command line did not write")
    void passwordRedacted() {
        assertThat(run("run", "--runners", "redis://admin:s3cret@cache:6379")).isEqualTo(1);
        assertThat(err.toString()).contains("redis://cache:6379").doesNotContain("s3cret");
    }

    @Test
    @DisplayName("an unknown option is one error line pointing at --help, exit code 1")
    void unknownOption() {
        assertThat(run("target", "--bogus")).isEqualTo(1);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--bogus").contains("--help");
    }

    @Test
    @DisplayName("a port already in use is one error line and exit code 1")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("target", "--port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
