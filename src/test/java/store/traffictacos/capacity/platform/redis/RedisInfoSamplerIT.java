package store.traffictacos.capacity.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

/** Against throwaway redis-server processes on 127.0.0.1 (skipped where redis-server is not installed). */
@DisplayName("RedisInfoSampler against a real redis-server")
class RedisInfoSamplerIT {
    private static final String SECRET = "s3cr3t-Pa55-do-not-leak";

    private static RedisInfoSampler sampler(URI uri, String passwordEnv, Map<String, String> env) {
        return new RedisInfoSampler(
                new RedisInfoSettings(uri, passwordEnv, Duration.ofSeconds(1)), env::get, new AtomicLong()::get);
    }

    private static List<String> series(List<PlatformSample> samples) {
        return samples.stream().map(PlatformSample::series).toList();
    }

    @Test
    @DisplayName("a sampler whose Redis was down samples again once Redis comes back, and says so")
    void recoversWhenRedisComesBack() throws Exception {
        // Given a sampler of a Redis that is down
        int port = LocalRedis.freePort();
        try (RedisInfoSampler sampler =
                new RedisInfoSampler(RedisInfoSettings.of(URI.create("redis://127.0.0.1:" + port + "/15")))) {
            assertThat(sampler.sample(1_000L)).isEmpty();
            assertThat(sampler.unavailableReason()).isPresent();

            // When Redis starts
            try (LocalRedis redis = LocalRedis.start(port)) {
                // Then the next samples are there, stamped as asked, and the reason is gone
                List<PlatformSample> samples = sampler.sample(2_000L);
                assertThat(sampler.unavailableReason()).isEmpty();
                assertThat(series(samples))
                        .contains(
                                "127.0.0.1:" + port + "/ops_per_sec",
                                "127.0.0.1:" + port + "/connected_clients",
                                "127.0.0.1:" + port + "/used_memory");
                assertThat(samples)
                        .allMatch(sample ->
                                sample.epochMs() == 2_000L && sample.source().equals("redis"));
            }

            // And when it goes away again, the sampler reports it again without throwing
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(sampler.sample(3_000L)).isEmpty();
                assertThat(sampler.unavailableReason())
                        .hasValueSatisfying(
                                reason -> assertThat(reason).startsWith("redis 127.0.0.1:" + port + " unavailable: "));
            });
        }
    }

    @Test
    @DisplayName("a wrong password from the environment gives a reason that never contains the password")
    void wrongPasswordDoesNotLeak() throws Exception {
        // Given a Redis requiring another password, and the wrong one in REDIS_PASSWORD
        int port = LocalRedis.freePort();
        try (LocalRedis redis = LocalRedis.start(port, "--requirepass", "the-right-one");
                RedisInfoSampler sampler = sampler(
                        URI.create("redis://127.0.0.1:" + port), "REDIS_PASSWORD", Map.of("REDIS_PASSWORD", SECRET))) {
            // When
            List<PlatformSample> samples = sampler.sample(1_000L);

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .startsWith("redis 127.0.0.1:" + port + " unavailable: ")
                            .containsIgnoringCase("WRONGPASS")
                            .doesNotContain(SECRET));
            assertThat(sampler.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    @DisplayName("the right password from the environment authenticates")
    void passwordFromEnvironment() throws Exception {
        // Given
        int port = LocalRedis.freePort();
        try (LocalRedis redis = LocalRedis.start(port, "--requirepass", SECRET);
                RedisInfoSampler sampler = sampler(
                        URI.create("redis://127.0.0.1:" + port), "REDIS_PASSWORD", Map.of("REDIS_PASSWORD", SECRET))) {
            // When
            List<PlatformSample> samples = sampler.sample(1_000L);

            // Then
            assertThat(sampler.unavailableReason()).isEmpty();
            assertThat(samples)
                    .isNotEmpty()
                    .noneMatch(sample -> sample.toString().contains(SECRET));
        }
    }
}
