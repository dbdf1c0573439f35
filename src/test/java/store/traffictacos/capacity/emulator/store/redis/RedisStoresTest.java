package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.guard.StoredResponse;
import store.traffictacos.capacity.emulator.queue.TicketState;
import store.traffictacos.capacity.emulator.queue.WaitingTicket;
import store.traffictacos.capacity.emulator.reservation.HoldRequest;
import store.traffictacos.capacity.emulator.reservation.HoldResult;
import store.traffictacos.capacity.emulator.store.StateStores;

class RedisStoresTest {
    private URI uri;
    private RedisStores stores;
    private UnifiedJedis raw;

    @BeforeEach
    void setUp() {
        uri = RedisTestSupport.redisUri();
        raw = RedisTestSupport.flushedClient(uri);
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
            raw.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Leaves one key of every kind. */
    private String fillEveryKind() {
        String token = UUID.randomUUID().toString();
        StateStores state = stores.state();
        state.waitingRoom().join(new WaitingTicket(token, "evt_1", "u", T0));
        state.waitingRoom().takeAdmissionToken("evt_1", T0);
        state.idempotency().claim("k1", "f", T0, 300_000);
        state.idempotency()
                .complete("k1", "f", new StoredResponse(200, "application/json", new byte[] {'{', '}'}), T0, 300_000);
        state.idempotency().claim("k2", "f", T0, 300_000);
        state.rateLimits().take("10.0.0.1", T0);
        HoldResult held =
                state.reservations().hold(new HoldRequest("r1", "evt_1", List.of("S1"), 0, "u", T0, T0 + 60_000));
        assertThat(held).isInstanceOf(HoldResult.Held.class);
        return token;
    }

    @Test
    @DisplayName("a store that answers PING is ready and blocking")
    void ready() {
        assertThat(stores.ready()).isTrue();
        assertThat(stores.blocking()).isTrue();
    }

    @Test
    @DisplayName("pointed at a closed port the store is not ready (no exception)")
    void notReadyOnClosedPort() throws IOException {
        // Given a store pointed at a port nobody listens on
        try (RedisStores down =
                new RedisStores(URI.create("redis://127.0.0.1:" + closedPort()), RedisTestSupport.settings())) {
            // When / Then
            assertThat(down.ready()).isFalse();
        }
    }

    @Test
    @DisplayName("connect fails fast with a one-line message when Redis is unreachable")
    void connectFailsFast() throws IOException {
        int port = closedPort();

        assertThatThrownBy(
                        () -> RedisStores.connect(URI.create("redis://127.0.0.1:" + port), RedisTestSupport.settings()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot reach Redis at redis://127.0.0.1:" + port + ": Connection refused");
    }

    @Test
    @DisplayName("the connect failure message does not show the password")
    void connectFailureHidesPassword() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> RedisStores.connect(
                        URI.create("redis://user:secret@127.0.0.1:" + port + "/3"), RedisTestSupport.settings()))
                .hasMessageStartingWith("cannot reach Redis at redis://127.0.0.1:" + port + "/3: ")
                .hasMessageNotContaining("secret");
    }

    @Test
    @DisplayName("flushTestData deletes queue, idempotency, dedupe, heartbeat and rate-limit keys, not reservations")
    void flushTestData() {
        // Given keys of every kind
        String token = fillEveryKind();

        // When test data is flushed
        var deleted = stores.flushTestData();

        // Then the per-pattern counts are reported in order, and reservations survive
        assertThat(deleted.keySet())
                .containsExactly("queue:*", "idempotency:*", "dedupe:*", "heartbeat:*", "ratelimit:*");
        assertThat(deleted.get("queue:*")).isGreaterThanOrEqualTo(4); // waiting, event, seq, bucket, events
        assertThat(deleted.get("idempotency:*")).isEqualTo(1);
        assertThat(deleted.get("dedupe:*")).isEqualTo(1);
        assertThat(deleted.get("heartbeat:*")).isEqualTo(1);
        assertThat(deleted.get("ratelimit:*")).isEqualTo(1);
        assertThat(raw.keys("queue:*")).isEmpty();
        assertThat(stores.state().waitingRoom().lookup(token, T0, true)).isEqualTo(new TicketState.Unknown());
        assertThat(stores.state().reservations().find("r1", T0)).isPresent();
        assertThat(stores.keyCounts()).containsEntry("queue:*", 0L).containsEntry("reservation:*", 1L);
    }

    @Test
    @DisplayName("keyCounts counts live keys per pattern")
    void keyCounts() {
        // Given keys of every kind
        fillEveryKind();

        // When / Then
        assertThat(stores.keyCounts())
                .containsKeys(
                        "queue:*",
                        "idempotency:*",
                        "dedupe:*",
                        "heartbeat:*",
                        "ratelimit:*",
                        "inventory:*",
                        "reservation:*",
                        "payment:*")
                .containsEntry("idempotency:*", 1L)
                .containsEntry("dedupe:*", 1L)
                .containsEntry("heartbeat:*", 1L)
                .containsEntry("ratelimit:*", 1L)
                .containsEntry("reservation:*", 1L)
                .containsEntry("payment:*", 0L);
        assertThat(stores.keyCounts().get("inventory:*")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("info reports the Redis INFO fields")
    void info() {
        assertThat(stores.info()).containsKeys("redis_version", "used_memory", "connected_clients");
    }

    @Test
    @DisplayName("scripts still run after Redis forgot them (SCRIPT FLUSH, restart)")
    void scriptsSurviveScriptFlush() {
        // Given a script that ran once, then Redis forgets all scripts
        String token = UUID.randomUUID().toString();
        stores.state().waitingRoom().join(new WaitingTicket(token, "evt_1", "u", T0));
        raw.scriptFlush();

        // When / Then the next call still works
        assertThat(stores.state().waitingRoom().lookup(token, T0 + 1, true)).isInstanceOf(TicketState.Waiting.class);
        stores.state().idempotency().claim("k", "f", T0, 1_000);
        assertThat(stores.state().idempotency().claim("k", "f", T0, 1_000))
                .isInstanceOf(store.traffictacos.capacity.emulator.guard.IdempotencyStore.Claim.InProgress.class);
    }

    @Test
    @DisplayName("stores do not contact Redis before the first call")
    void constructorIsLazy() throws IOException {
        try (RedisStores lazy =
                new RedisStores(URI.create("redis://127.0.0.1:" + closedPort()), RedisTestSupport.settings())) {
            assertThat(lazy.toString()).startsWith("RedisStores[redis://127.0.0.1:");
        }
    }
}
