package store.traffictacos.capacity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tacos-capacity run --dry-run}: the whole plan, checked, and nothing created. */
@DisplayName("run --dry-run")
class RunDryRunTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine commandLine = TacosCapacity.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    @DisplayName("the 30k profile from this machine's one address is refused in one error line naming the ways out")
    void defaultPlanRefused() {
        // When
        int exit = run("run", "--profile", "30k", "--dry-run", "--reports", dir.toString());

        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("error: one client identity must send 40,000 req/s at peak")
                .contains("--runners 4 or more", "--client-ips N", "platform.perClientLimitRps", "NAT");
        assertThat(out.toString()).contains("sizing: per-client limit: 10,000 req/s per client address");
    }

    @Test
    @DisplayName("with --client-ips 1000 it prints a plan that passes the check, exits 0 and creates nothing")
    void spreadPlanPrinted() throws Exception {
        // When
        int exit = run("run", "--profile", "30k", "--dry-run", "--client-ips", "1000", "--reports", dir.toString());

        // Then
        assertThat(exit).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("sizing: identities: 1,000 client addresses in 198.18.0.0/15 (client.ips)")
                .contains("runner 0: share peak 10,000 req/s; in-flight bound")
                .contains("identity: 250 client addresses 198.18.0.1 to 198.18.0.250 in X-Forwarded-For")
                .contains("checks passed:")
                .contains("dry run: nothing created");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
