package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetFixture;

@DisplayName("The test data cleaned up after a run")
class TestDataCleanupTest {
    /** Requests that leave waiting-room, idempotency and rate-limit state behind. */
    private static void leaveTestData(TargetFixture api) {
        for (int user = 0; user < 5; user++) {
            api.join("evt_1");
        }
    }

    private static long keys(Jedis redis, String pattern) {
        return redis.keys(pattern).size();
    }

    @Test
    @DisplayName("the Redis-backed target's queue:*, idempotency:* and ratelimit:* keys are gone, counted in Redis "
            + "and in the answer")
    void redisKeysGone() throws Exception {
        // Given a Redis-backed target that served some journeys
        try (TargetFixture api = new TargetFixture(Backend.REDIS, TargetConfig.defaults());
                Jedis redis = new Jedis(api.target.config().redisUri())) {
            leaveTestData(api);
            long before = keys(redis, "queue:*") + keys(redis, "idempotency:*") + keys(redis, "ratelimit:*");
            assertThat(keys(redis, "queue:*")).isPositive();
            assertThat(keys(redis, "idempotency:*")).isPositive();
            assertThat(keys(redis, "ratelimit:*")).isPositive();

            // When
            TestDataCleanup cleanup = TestDataCleanup.flush(api.target.baseUrl(), SSLContext.getDefault());

            // Then
            assertThat(keys(redis, "queue:*")).isZero();
            assertThat(keys(redis, "idempotency:*")).isZero();
            assertThat(keys(redis, "ratelimit:*")).isZero();
            assertThat(cleanup.warning()).isNull();
            assertThat(cleanup.totalDeletedKeys()).isGreaterThanOrEqualTo(before);
            assertThat(cleanup.deletedByPattern()).containsKeys("queue:*", "idempotency:*", "ratelimit:*");
        }
    }

    @Test
    @DisplayName("a platform that cannot be reached is a warning with the reason, not an exception")
    void unreachableIsAWarning() throws Exception {
        // Given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // When
        TestDataCleanup cleanup =
                TestDataCleanup.flush(URI.create("http://127.0.0.1:" + port), SSLContext.getDefault());

        // Then
        assertThat(cleanup.totalDeletedKeys()).isNull();
        assertThat(cleanup.warning()).startsWith("POST /api/v1/admin/flush-test-data failed");
        assertThat(cleanup.summary()).startsWith("test data not cleaned up: ");
    }

    @Test
    @DisplayName("what was deleted survives the run folder's cleanup.json")
    void fileRoundTrip(@TempDir Path dir) throws Exception {
        // Given
        TestDataCleanup cleanup = new TestDataCleanup(12L, Map.of("queue:*", 7L, "ratelimit:*", 5L), null);

        // When
        Path file = new RunFolder(dir).cleanupFile();
        cleanup.write(file);

        // Then
        assertThat(TestDataCleanup.read(file)).contains(cleanup);
        assertThat(TestDataCleanup.read(dir.resolve("none.json"))).isEmpty();
    }
}
