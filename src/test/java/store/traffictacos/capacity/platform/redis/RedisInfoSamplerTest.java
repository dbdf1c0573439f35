package store.traffictacos.capacity.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("RedisInfoSampler")
class RedisInfoSamplerTest {
    private static final Function<String, String> NO_ENV = name -> null;
    private static final String SECRET = "s3cr3t-Pa55-do-not-leak";

    private static RedisInfoSampler sampler(
            URI uri, String passwordEnv, Function<String, String> env, AtomicLong nanos) {
        return new RedisInfoSampler(new RedisInfoSettings(uri, passwordEnv, Duration.ofSeconds(1)), env, nanos::get);
    }

    private static List<String> series(List<PlatformSample> samples) {
        return samples.stream().map(PlatformSample::series).toList();
    }

    @Test
    @DisplayName("Redis down gives no samples and 'redis host:port unavailable: Connection refused', without throwing")
    void downGivesReason() throws Exception {
        // Given nothing listening on the port
        int port = LocalRedis.freePort();
        try (RedisInfoSampler sampler =
                new RedisInfoSampler(RedisInfoSettings.of(URI.create("redis://127.0.0.1:" + port)))) {
            // When
            List<PlatformSample> samples = sampler.sample(1_000L);

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValue("redis 127.0.0.1:" + port + " unavailable: Connection refused");
        }
    }

    @Test
    @DisplayName("a server that echoes the password in its error still gives a reason without it (URI password)")
    void echoedPasswordIsMasked() throws Exception {
        // Given a server that answers AUTH with an error quoting every argument it got
        try (FakeRedis fake = new FakeRedis(command ->
                        command.get(0).equals("AUTH") || command.get(0).equals("HELLO")
                                ? "-ERR bad credentials " + String.join(" ", command) + "\r\n"
                                : null);
                RedisInfoSampler sampler = sampler(
                        URI.create("redis://admin:" + SECRET + "@127.0.0.1:" + fake.port()),
                        null,
                        NO_ENV,
                        new AtomicLong())) {
            // When
            List<PlatformSample> samples = sampler.sample(1_000L);

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .startsWith("redis 127.0.0.1:" + fake.port() + " unavailable: ERR bad credentials")
                            .contains("***")
                            .doesNotContain(SECRET));
            assertThat(sampler.toString()).contains("127.0.0.1:" + fake.port()).doesNotContain(SECRET);
            assertThat(new RedisInfoSettings(URI.create("redis://admin:" + SECRET + "@h:1/2"), null, null).toString())
                    .contains("redis://h:1/2")
                    .doesNotContain(SECRET)
                    .doesNotContain("admin");
        }
    }

    @Test
    @DisplayName("an unset password variable is a reason, not an exception, and no connection is tried")
    void unsetPasswordVariable() throws Exception {
        // Given
        try (RedisInfoSampler sampler =
                sampler(URI.create("redis://127.0.0.1:6399"), "REDIS_PASSWORD", NO_ENV, new AtomicLong())) {
            // When
            List<PlatformSample> samples = sampler.sample(1_000L);

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValue("redis 127.0.0.1:6399 unavailable: password variable REDIS_PASSWORD is not set");
        }
    }

    @Test
    @DisplayName("CPU %, hit and miss rates and evictions come from deltas over wall time; the first sample has none")
    void deltasOverWallTime() throws Exception {
        // Given a server whose counters grow by 0.5 CPU s, 300 hits, 30 misses, 7 evictions per 2 s of wall time
        AtomicLong step = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        try (FakeRedis fake = new FakeRedis(command -> {
                    if (!command.get(0).equals("INFO")) {
                        return null;
                    }
                    long n = step.getAndIncrement();
                    return FakeRedis.bulk("# Server\r\nrun_id:abc\r\n# Clients\r\nconnected_clients:12\r\n"
                            + "# Memory\r\nused_memory:1000\r\nmaxmemory:4000\r\n# Stats\r\ninstantaneous_ops_per_sec:900\r\n"
                            + "keyspace_hits:" + (1000 + 300 * n) + "\r\nkeyspace_misses:" + (100 + 30 * n) + "\r\n"
                            + "evicted_keys:" + (7 * n) + "\r\n# CPU\r\nused_cpu_sys:" + (1.0 + 0.25 * n) + "\r\n"
                            + "used_cpu_user:" + (2.0 + 0.25 * n) + "\r\n# Cluster\r\ncluster_enabled:0\r\n");
                });
                RedisInfoSampler sampler =
                        sampler(URI.create("redis://127.0.0.1:" + fake.port()), null, NO_ENV, nanos)) {
            String node = "127.0.0.1:" + fake.port() + "/";

            // When
            List<PlatformSample> first = sampler.sample(10_000L);
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            List<PlatformSample> second = sampler.sample(12_000L);

            // Then
            assertThat(first)
                    .extracting(PlatformSample::series, PlatformSample::value, PlatformSample::unit)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(node + "ops_per_sec", 900.0, "ops/s"),
                            org.assertj.core.groups.Tuple.tuple(node + "connected_clients", 12.0, "clients"),
                            org.assertj.core.groups.Tuple.tuple(node + "used_memory", 1000.0, "bytes"),
                            org.assertj.core.groups.Tuple.tuple(node + "used_memory_pct", 25.0, "%"));
            assertThat(second)
                    .filteredOn(s ->
                            !first.stream().map(PlatformSample::series).toList().contains(s.series()))
                    .extracting(PlatformSample::series, PlatformSample::value, PlatformSample::unit)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(node + "cpu_pct", 25.0, "%"),
                            org.assertj.core.groups.Tuple.tuple(node + "keyspace_hits", 150.0, "hits/s"),
                            org.assertj.core.groups.Tuple.tuple(node + "keyspace_misses", 15.0, "misses/s"),
                            org.assertj.core.groups.Tuple.tuple(node + "evicted_keys", 7.0, "keys"));
            assertThat(second).allMatch(sample -> sample.epochMs() == 12_000L);
        }
    }

    @Test
    @DisplayName("in cluster mode every node from CLUSTER NODES is sampled, each under its own series")
    void samplesEveryClusterNode() throws Exception {
        // Given three fake nodes answering with the INFO captured from a real 3-node cluster,
        // and a CLUSTER NODES pointing at them
        List<FakeRedis> nodes = new ArrayList<>();
        String[] nodesText = new String[1];
        try {
            for (int port : new int[] {7001, 7002, 7003}) {
                String info = RedisInfoParseTest.resource("redis-cluster-info-" + port + ".txt");
                nodes.add(new FakeRedis(command -> switch (command.get(0)) {
                    case "INFO" -> FakeRedis.bulk(info);
                    case "CLUSTER" -> FakeRedis.bulk(nodesText[0]);
                    default -> null;
                }));
            }
            String text = RedisInfoParseTest.resource("redis-cluster-nodes-7001.txt");
            for (int i = 0; i < 3; i++) {
                text = text.replace(
                        "127.0.0.1:700" + (i + 1) + "@",
                        "127.0.0.1:" + nodes.get(i).port() + "@");
            }
            nodesText[0] = text;

            try (RedisInfoSampler sampler =
                    sampler(URI.create("redis://127.0.0.1:" + nodes.get(1).port()), null, NO_ENV, new AtomicLong())) {
                // When
                List<PlatformSample> samples = sampler.sample(5_000L);

                // Then
                assertThat(sampler.unavailableReason()).isEmpty();
                assertThat(series(samples))
                        .filteredOn(s -> s.endsWith("/ops_per_sec"))
                        .containsExactlyInAnyOrder(nodes.stream()
                                .map(n -> "127.0.0.1:" + n.port() + "/ops_per_sec")
                                .toArray(String[]::new));

                // And when one node goes away, the others are still sampled and the reason names it
                nodes.get(2).close();
                List<PlatformSample> partial = sampler.sample(6_000L);
                assertThat(series(partial))
                        .filteredOn(s -> s.endsWith("/ops_per_sec"))
                        .hasSize(2);
                assertThat(sampler.unavailableReason())
                        .hasValueSatisfying(reason -> assertThat(reason)
                                .startsWith("redis 127.0.0.1:" + nodes.get(2).port() + " unavailable: "));
            }
        } finally {
            for (FakeRedis node : nodes) {
                node.close();
            }
        }
    }
}
