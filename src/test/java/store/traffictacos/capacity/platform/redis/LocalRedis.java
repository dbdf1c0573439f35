package store.traffictacos.capacity.platform.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

/** Test helpers: the CI Redis of {@code tacos.test.redis}, and throwaway local redis-servers on 127.0.0.1. */
final class LocalRedis implements AutoCloseable {
    private final Process process;
    final int port;

    private LocalRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The URI of the Redis the CI starts (system property {@code tacos.test.redis}, from env
     * TACOS_TEST_REDIS); skips the test when unset, except under CI=true where it fails.
     */
    static URI configuredUri() {
        String uri = System.getProperty("tacos.test.redis", "");
        boolean configured = !uri.isBlank() && !uri.startsWith("${");
        if (!configured && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the Redis platform tests: TACOS_TEST_REDIS is not set");
        }
        Assumptions.assumeTrue(
                configured, "set TACOS_TEST_REDIS=redis://127.0.0.1:6379/15 to run the Redis platform tests");
        return URI.create(uri);
    }

    /** A free TCP port on 127.0.0.1 (nothing listens on it right after). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether {@code command} is an executable on the PATH. */
    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Starts redis-server on {@code port} (127.0.0.1, no persistence) and waits until it answers. */
    static LocalRedis start(int port, String... extraArgs) throws Exception {
        Assumptions.assumeTrue(
                onPath("redis-server"), "redis-server is not installed (Debian: apt-get install redis-server)");
        List<String> command = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                System.getProperty("java.io.tmpdir")));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        LocalRedis redis = new LocalRedis(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = new Jedis("127.0.0.1", port, 200)) {
                jedis.ping();
                return redis;
            } catch (RuntimeException e) {
                if (e.getMessage() != null && e.getMessage().contains("NOAUTH")) {
                    return redis;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        redis.close();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
