package store.traffictacos.capacity.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import store.traffictacos.capacity.platform.PlatformSample;

/** Against the real redis-server of {@code tacos.test.redis} (CI: 127.0.0.1:6390), under redis-benchmark. */
@DisplayName("RedisInfoSampler against a real Redis under load")
class RedisInfoBenchmarkIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @DisplayName("under a bounded redis-benchmark load the sampled ops/s and CPU % rise above an idle sample")
    void seesLoad() throws Exception {
        // Given the CI Redis, redis-benchmark, and an idle baseline (two samples: CPU needs a delta)
        URI uri = LocalRedis.configuredUri();
        Assumptions.assumeTrue(
                "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()),
                "loads only a Redis on 127.0.0.1, not " + uri.getHost());
        Assumptions.assumeTrue(
                LocalRedis.onPath("redis-benchmark"),
                "redis-benchmark is not installed (Debian: apt-get install redis-tools)");
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String node = "127.0.0.1:" + port;
        try (RedisInfoSampler sampler = new RedisInfoSampler(RedisInfoSettings.of(uri))) {
            sampler.sample(System.currentTimeMillis());
            Thread.sleep(1_000);
            List<PlatformSample> idle = sampler.sample(System.currentTimeMillis());
            assertThat(sampler.unavailableReason()).isEmpty();
            double idleOps = value(idle, node, RedisInfoSampler.OPS_PER_SEC).orElseThrow();
            double idleCpu = value(idle, node, RedisInfoSampler.CPU_PCT).orElseThrow();

            // When redis-benchmark runs (bounded by -n and a timeout) and we sample every 500 ms meanwhile
            Process benchmark = new ProcessBuilder(
                            "redis-benchmark",
                            "-h",
                            "127.0.0.1",
                            "-p",
                            String.valueOf(port),
                            "-n",
                            "200000",
                            "-c",
                            "20",
                            "-q",
                            "-t",
                            "set,get")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            double maxOps = 0;
            double maxCpu = 0;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                do {
                    Thread.sleep(500);
                    List<PlatformSample> busy = sampler.sample(System.currentTimeMillis());
                    maxOps = Math.max(
                            maxOps,
                            value(busy, node, RedisInfoSampler.OPS_PER_SEC).orElse(0));
                    maxCpu = Math.max(
                            maxCpu, value(busy, node, RedisInfoSampler.CPU_PCT).orElse(0));
                } while (benchmark.isAlive() && System.nanoTime() < deadline);
            } finally {
                benchmark.destroy();
                if (!benchmark.waitFor(2, TimeUnit.SECONDS)) {
                    benchmark.destroyForcibly();
                }
            }

            // Then
            assertThat(maxOps).as("ops/s under load vs idle %s", idleOps).isGreaterThan(idleOps + 1_000);
            assertThat(maxCpu).as("CPU %% under load vs idle %s", idleCpu).isGreaterThan(idleCpu + 5);
        }
    }

    @Test
    @DisplayName("a real Redis gives every documented series, CPU only from the second sample on")
    void realSeries() throws Exception {
        // Given
        URI uri = LocalRedis.configuredUri();
        String node = uri.getHost() + ":" + (uri.getPort() == -1 ? 6379 : uri.getPort());
        try (RedisInfoSampler sampler = new RedisInfoSampler(RedisInfoSettings.of(uri))) {
            // When
            List<PlatformSample> first = sampler.sample(1_000L);
            Thread.sleep(200);
            List<PlatformSample> second = sampler.sample(1_200L);

            // Then
            assertThat(sampler.unavailableReason()).isEmpty();
            assertThat(first)
                    .extracting(PlatformSample::series)
                    .contains(node + "/ops_per_sec", node + "/connected_clients", node + "/used_memory")
                    .doesNotContain(node + "/cpu_pct");
            assertThat(second)
                    .extracting(PlatformSample::series)
                    .contains(
                            node + "/cpu_pct",
                            node + "/keyspace_hits",
                            node + "/keyspace_misses",
                            node + "/evicted_keys");
            assertThat(value(second, node, RedisInfoSampler.CONNECTED_CLIENTS).orElseThrow())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static OptionalDouble value(List<PlatformSample> samples, String node, String metric) {
        return samples.stream()
                .filter(s -> s.series().equals(RedisInfoSampler.series(node, metric)))
                .mapToDouble(PlatformSample::value)
                .findFirst();
    }
}
