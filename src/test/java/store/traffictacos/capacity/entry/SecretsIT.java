package store.traffictacos.capacity.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password given in a URL (target, Redis) is used, never shown: not on stdout or stderr, not in any file
 * of the run folder (results, manifest, platform series, status, report). Two short real runs against a
 * local target that answers everything (about 15 s each).
 */
@DisplayName("A password in a URL option")
class SecretsIT {
    private static final String SECRET = "S3cr3t-pw";

    @TempDir
    Path work;

    @Test
    @DisplayName("given to mvn gatling:test in -Dtarget.url and -Dplatform.redis, appears in no output and no file")
    void gatlingTest() throws IOException {
        // Given
        Path profile = tinyProfile();
        try (CountingTarget target = new CountingTarget()) {
            // When
            EntryPoint.Outcome outcome = EntryPoint.gatling(
                    work,
                    "secret-gatling",
                    Map.of(
                            "profile.file",
                            profile.toString(),
                            "warmup.seconds",
                            "1",
                            "target.url",
                            target.urlWithPassword(SECRET),
                            "platform.redis",
                            "redis://:" + SECRET + "@127.0.0.1:" + closedPort()),
                    Map.of());

            // Then the run happened, and the password is nowhere
            assertThat(target.requests()).isPositive();
            assertThat(outcome.output()).contains("127.0.0.1:").doesNotContain(SECRET);
            assertThat(filesContaining(work.resolve("reports"), SECRET)).isEmpty();
        }
    }

    @Test
    @DisplayName("given to tacos-capacity run in --target, appears in no output and no file")
    void run() throws IOException {
        // Given
        Path profile = tinyProfile();
        try (CountingTarget target = new CountingTarget()) {
            // When
            EntryPoint.Outcome outcome = EntryPoint.cli(List.of(
                    "run",
                    "--run-id",
                    "secret-run",
                    "--profile-file",
                    profile.toString(),
                    "--runners",
                    "1",
                    "--start-lead",
                    "5s",
                    "--target",
                    target.urlWithPassword(SECRET),
                    "--reports",
                    work.resolve("reports").toString()));

            // Then
            assertThat(target.requests()).as(outcome.output()).isPositive();
            assertThat(outcome.output()).doesNotContain(SECRET);
            assertThat(filesContaining(work.resolve("reports"), SECRET)).isEmpty();
        }
    }

    private Path tinyProfile() throws IOException {
        return Files.writeString(
                work.resolve("tiny.yaml"), "name: tiny\nphases:\n  - {name: peak, duration: 3s, rps: 20}\n");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<Path> filesContaining(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(read(file), needle))
                    .toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
