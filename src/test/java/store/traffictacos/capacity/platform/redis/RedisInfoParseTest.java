package store.traffictacos.capacity.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Parses INFO and CLUSTER NODES captured from real redis-server 7.0 (standalone and a 3-node cluster). */
@DisplayName("RedisInfo and RedisClusterInfo parsing")
class RedisInfoParseTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RedisInfoParseTest.class.getResourceAsStream("/platform/" + name)) {
            assertThat(in).as("test resource /platform/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("a real standalone INFO parses to its fields, without section headers, CRLF stripped")
    void parsesStandaloneInfo() throws IOException {
        // Given INFO captured from a standalone redis-server
        String text = resource("redis-info-standalone.txt");

        // When
        Map<String, String> info = RedisInfo.parse(text);

        // Then
        assertThat(info)
                .containsEntry("cluster_enabled", "0")
                .containsEntry("maxmemory", "268435456")
                .containsKeys(
                        "instantaneous_ops_per_sec",
                        "connected_clients",
                        "used_memory",
                        "used_cpu_sys",
                        "used_cpu_user",
                        "keyspace_hits",
                        "keyspace_misses",
                        "evicted_keys",
                        "run_id",
                        "db15");
        assertThat(info.keySet()).noneMatch(key -> key.startsWith("#"));
        assertThat(info.values()).noneMatch(value -> value.endsWith("\r"));
        assertThat(RedisInfo.number(info, "used_cpu_sys").orElseThrow()).isPositive();
        assertThat(RedisInfo.clusterEnabled(info)).isFalse();
    }

    @Test
    @DisplayName("non-numeric or absent fields give no number, odd lines are skipped")
    void toleratesOddInput() {
        // Given
        Map<String, String> info =
                RedisInfo.parse("# Server\r\nredis_version:7.0.15\r\nnonsense\r\n:x\r\n\r\nkeys:12\n");

        // Then
        assertThat(info).containsOnlyKeys("redis_version", "keys");
        assertThat(RedisInfo.number(info, "redis_version")).isEmpty();
        assertThat(RedisInfo.number(info, "missing")).isEmpty();
        assertThat(RedisInfo.number(info, "keys")).hasValue(12.0);
        assertThat(RedisInfo.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("each node of a real 3-node cluster says cluster_enabled:1 and together they hold every key")
    void parsesClusterInfoOfEveryNode() throws IOException {
        // Given INFO of each node of a cluster into which 50 keys were written
        long keys = 0;
        for (int port : new int[] {7001, 7002, 7003}) {
            // When
            Map<String, String> info = RedisInfo.parse(resource("redis-cluster-info-" + port + ".txt"));

            // Then
            assertThat(RedisInfo.clusterEnabled(info)).as("node %s", port).isTrue();
            assertThat(info).containsEntry("tcp_port", String.valueOf(port));
            String db0 = info.get("db0");
            keys += Long.parseLong(db0.substring("keys=".length(), db0.indexOf(',')));
        }
        assertThat(keys).isEqualTo(50);
    }

    @Test
    @DisplayName("CLUSTER INFO (same field:value format) parses with RedisInfo")
    void parsesClusterInfoCommand() throws IOException {
        // When
        Map<String, String> info = RedisInfo.parse(resource("redis-cluster-clusterinfo-7001.txt"));

        // Then
        assertThat(info)
                .containsEntry("cluster_state", "ok")
                .containsEntry("cluster_known_nodes", "3")
                .containsEntry("cluster_slots_assigned", "16384");
    }

    @Test
    @DisplayName("real CLUSTER NODES output gives every node's address, flags and slots, from any node")
    void parsesClusterNodes() throws IOException {
        for (int port : new int[] {7001, 7002, 7003}) {
            // Given CLUSTER NODES as node <port> sees the cluster
            String text = resource("redis-cluster-nodes-" + port + ".txt");

            // When
            RedisClusterInfo cluster = RedisClusterInfo.parse(text);

            // Then
            assertThat(cluster.nodes())
                    .extracting(RedisClusterInfo.Node::address)
                    .containsExactlyInAnyOrder("127.0.0.1:7001", "127.0.0.1:7002", "127.0.0.1:7003");
            assertThat(cluster.nodes())
                    .allMatch(RedisClusterInfo.Node::master)
                    .allMatch(RedisClusterInfo.Node::connected)
                    .allMatch(node -> node.masterId() == null)
                    .allMatch(node -> node.id().length() == 40);
            assertThat(cluster.nodes())
                    .filteredOn(node -> node.flags().contains("myself"))
                    .extracting(RedisClusterInfo.Node::port)
                    .containsExactly(port);
            assertThat(cluster.nodes())
                    .flatExtracting(RedisClusterInfo.Node::slots)
                    .containsExactlyInAnyOrder("0-5460", "5461-10922", "10923-16383");
            assertThat(cluster.reachableNodes()).hasSize(3);
        }
    }

    @Test
    @DisplayName("replicas, hostnames and IPv6 parse; failed, handshaking and address-less nodes are not sampled")
    void parsesOtherNodeShapes() {
        // Given
        String text = String.join(
                "\n",
                "a1 10.0.0.1:6379@16379,redis-0.example master - 0 0 1 connected 0-8191",
                "b2 10.0.0.2:6379@16379 slave a1 0 0 1 connected",
                "c3 [::1]:6380@16380 master - 0 0 2 connected 8192-16383",
                "d4 10.0.0.4:6379@16379 master,fail - 0 0 3 disconnected",
                "e5 :0@0 master,noaddr - 0 0 4 disconnected",
                "garbage");

        // When
        RedisClusterInfo cluster = RedisClusterInfo.parse(text);

        // Then
        assertThat(cluster.nodes()).extracting(RedisClusterInfo.Node::id).containsExactly("a1", "b2", "c3", "d4", "e5");
        assertThat(cluster.nodes().get(1).masterId()).isEqualTo("a1");
        assertThat(cluster.nodes().get(1).master()).isFalse();
        assertThat(cluster.reachableNodes())
                .extracting(RedisClusterInfo.Node::address)
                .isEqualTo(List.of("10.0.0.1:6379", "10.0.0.2:6379", "::1:6380"));
    }
}
