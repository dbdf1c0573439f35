package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore.Claim;
import store.traffictacos.capacity.emulator.guard.StoredResponse;
import store.traffictacos.capacity.emulator.queue.WaitingRoomStore;
import store.traffictacos.capacity.emulator.queue.WaitingTicket;
import store.traffictacos.capacity.emulator.reservation.HoldRequest;
import store.traffictacos.capacity.emulator.reservation.ReservationStore;
import store.traffictacos.capacity.emulator.store.Stores;
import store.traffictacos.capacity.emulator.store.memory.InMemoryStores;

/**
 * Random operation sequences applied to the Redis and the in-memory stores must give the same
 * answers (the HTTP contract suite runs against both). Waiting-room scenarios stay shorter than a
 * ticket's 30 minute lifetime.
 */
class RedisMatchesInMemoryTest {
    private RedisStores redis;
    private Stores memory;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        RedisTestSupport.flushedClient(uri).close();
        redis = RedisStores.connect(uri, RedisTestSupport.settings());
        memory = new InMemoryStores(RedisTestSupport.settings());
    }

    @AfterEach
    void tearDown() {
        if (redis != null) {
            redis.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("the waiting room answers like the in-memory one for random joins, polls, admits and leaves")
    void waitingRoom(long seed) {
        // Given both waiting rooms and a random sequence
        Random random = new Random(seed);
        WaitingRoomStore expected = memory.state().waitingRoom();
        WaitingRoomStore actual = redis.state().waitingRoom();
        List<String> events = List.of("evt_a" + seed, "evt_b" + seed);
        List<String> tokens = new ArrayList<>();
        long now = T0;

        // When / Then every answer is the same
        for (int step = 0; step < 600 && now < T0 + 1_500_000; step++) {
            String event = events.get(random.nextInt(events.size()));
            String token = tokens.isEmpty() ? "none" : tokens.get(random.nextInt(tokens.size()));
            String at = "step " + step + " at +" + (now - T0) + " ms";
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    String joined = UUID.randomUUID().toString();
                    tokens.add(joined);
                    WaitingTicket ticket = new WaitingTicket(joined, event, random.nextBoolean() ? "u" : null, now);
                    expected.join(ticket);
                    actual.join(ticket);
                }
                case 2, 3 -> {
                    boolean renew = random.nextInt(4) != 0;
                    assertThat(actual.lookup(token, now, renew)).as(at).isEqualTo(expected.lookup(token, now, renew));
                }
                case 4 -> assertThat(actual.admit(token, "rt", now)).as(at).isEqualTo(expected.admit(token, "rt", now));
                case 5 -> {
                    expected.leave(token);
                    actual.leave(token);
                }
                case 6 ->
                    assertThat(actual.takeAdmissionToken(event, now))
                            .as(at)
                            .isEqualTo(expected.takeAdmissionToken(event, now));
                case 7 ->
                    assertThat(actual.recentAdmissions(event, now))
                            .as(at)
                            .isEqualTo(expected.recentAdmissions(event, now));
                default -> now += random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(3_000);
            }
        }
        for (String token : tokens) {
            assertThat(actual.lookup(token, now, false)).isEqualTo(expected.lookup(token, now, false));
        }
        assertThat(nonZero(actual.waitingByEvent())).isEqualTo(nonZero(expected.waitingByEvent()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("reservations answer like the in-memory ones for random holds, confirms, cancels and expiries")
    void reservations(long seed) {
        // Given both stores and a random sequence
        Random random = new Random(seed);
        ReservationStore expected = memory.state().reservations();
        ReservationStore actual = redis.state().reservations();
        List<String> events = List.of("evt_x" + seed, "evt_y" + seed);
        List<String> ids = new ArrayList<>();
        long now = T0;

        // When / Then every answer is the same
        for (int step = 0; step < 500; step++) {
            String event = events.get(random.nextInt(events.size()));
            String id = ids.isEmpty() ? "none" : ids.get(random.nextInt(ids.size()));
            String at = "step " + step + " at +" + (now - T0) + " ms";
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    String newId = UUID.randomUUID().toString();
                    ids.add(newId);
                    List<String> seats = new ArrayList<>();
                    int quantity = 0;
                    if (random.nextBoolean()) {
                        for (int n = random.nextInt(3) + 1; n > 0; n--) {
                            seats.add("S" + (random.nextInt(12) + 1));
                        }
                    } else {
                        quantity = random.nextInt(5) + 1;
                    }
                    HoldRequest request = new HoldRequest(newId, event, seats, quantity, "u", now, now + 60_000);
                    assertThat(actual.hold(request)).as(at).isEqualTo(expected.hold(request));
                }
                case 3 -> assertThat(actual.find(id, now)).as(at).isEqualTo(expected.find(id, now));
                case 4 ->
                    assertThat(actual.confirm(id, "pi-" + step, "order-" + step, now))
                            .as(at)
                            .isEqualTo(expected.confirm(id, "pi-" + step, "order-" + step, now));
                case 5 -> assertThat(actual.cancel(id, now)).as(at).isEqualTo(expected.cancel(id, now));
                case 6 -> assertThat(actual.seatCounts(now)).as(at).isEqualTo(expected.seatCounts(now));
                default -> now += random.nextInt(20_000);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    @DisplayName("idempotency claims answer like the in-memory ones")
    void idempotency(long seed) {
        // Given both stores and a random sequence over a few keys and fingerprints
        Random random = new Random(seed);
        IdempotencyStore expected = memory.state().idempotency();
        IdempotencyStore actual = redis.state().idempotency();
        long ttl = 300_000;
        long now = T0;

        // When / Then every claim answers the same
        for (int step = 0; step < 400; step++) {
            String key = "key-" + seed + "-" + random.nextInt(4);
            String fingerprint = "f" + random.nextInt(2);
            switch (random.nextInt(5)) {
                case 0, 1 ->
                    assertThat(describe(actual.claim(key, fingerprint, now, ttl)))
                            .as("step %d", step)
                            .isEqualTo(describe(expected.claim(key, fingerprint, now, ttl)));
                case 2 -> {
                    StoredResponse response =
                            new StoredResponse(200 + random.nextInt(2), "application/json", new byte[] {(byte) step});
                    expected.complete(key, fingerprint, response, now, ttl);
                    actual.complete(key, fingerprint, response, now, ttl);
                }
                case 3 -> {
                    expected.release(key);
                    actual.release(key);
                }
                default -> now += random.nextInt(120_000);
            }
        }
    }

    private static String describe(Claim claim) {
        if (claim instanceof Claim.Replay replay) {
            StoredResponse response = replay.response();
            return "Replay " + response.status() + " " + response.contentType() + " "
                    + java.util.Arrays.toString(response.body());
        }
        return claim.getClass().getSimpleName();
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
