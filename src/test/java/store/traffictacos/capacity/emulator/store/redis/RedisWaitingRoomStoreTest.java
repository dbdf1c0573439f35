package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.queue.TicketState;
import store.traffictacos.capacity.emulator.queue.WaitingRoomStore;
import store.traffictacos.capacity.emulator.queue.WaitingTicket;

class RedisWaitingRoomStoreTest {
    private static final AdmissionPolicy POLICY = AdmissionPolicy.contract();

    private RedisStores stores;
    private UnifiedJedis raw;
    private WaitingRoomStore room;
    private String eventId;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        raw = RedisTestSupport.flushedClient(uri);
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
        room = stores.state().waitingRoom();
        eventId = RedisTestSupport.unique("evt");
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
            raw.close();
        }
    }

    private String join(long atMs) {
        String token = UUID.randomUUID().toString();
        room.join(new WaitingTicket(token, eventId, "user-" + token.substring(0, 4), atMs));
        return token;
    }

    private long position(String token, long nowMs) {
        TicketState state = room.lookup(token, nowMs, true);
        assertThat(state).isInstanceOf(TicketState.Waiting.class);
        return ((TicketState.Waiting) state).position();
    }

    @Test
    @DisplayName("users are ranked in join order within their event, starting at 1")
    void ranksInJoinOrder() {
        // Given three users joining one after another
        String first = join(T0);
        String second = join(T0 + 1);
        String third = join(T0 + 2);

        // When / Then their positions follow join order
        assertThat(position(first, T0 + 10)).isEqualTo(1);
        assertThat(position(second, T0 + 10)).isEqualTo(2);
        assertThat(position(third, T0 + 10)).isEqualTo(3);
    }

    @Test
    @DisplayName("lookup returns the ticket as issued by join")
    void lookupReturnsTheTicket() {
        // Given a user who joined
        String token = UUID.randomUUID().toString();
        room.join(new WaitingTicket(token, eventId, "alice", T0));

        // When the token is looked up
        TicketState state = room.lookup(token, T0 + 5, true);

        // Then the waiting ticket is the one issued
        assertThat(state).isEqualTo(new TicketState.Waiting(new WaitingTicket(token, eventId, "alice", T0), 1));
    }

    @Test
    @DisplayName("a ticket joined without a user id keeps a null user id")
    void nullUserId() {
        // Given a join without user id
        String token = UUID.randomUUID().toString();
        room.join(new WaitingTicket(token, eventId, null, T0));

        // When / Then
        assertThat(room.lookup(token, T0, false))
                .isEqualTo(new TicketState.Waiting(new WaitingTicket(token, eventId, null, T0), 1));
    }

    @Test
    @DisplayName("rankings of different events are independent")
    void eventsAreIndependent() {
        // Given one user in another event and one in ours
        String otherEvent = RedisTestSupport.unique("evt");
        room.join(new WaitingTicket(UUID.randomUUID().toString(), otherEvent, "u", T0));
        String ours = join(T0 + 1);

        // When / Then ours is first in its own event
        assertThat(position(ours, T0 + 2)).isEqualTo(1);
    }

    @Test
    @DisplayName("after an admit, the admitted ticket is Entered and everyone behind moves up")
    void positionsMoveUpAfterAdmit() {
        // Given three waiting users
        String first = join(T0);
        String second = join(T0 + 1);
        String third = join(T0 + 2);

        // When the first is admitted
        boolean admitted = room.admit(first, UUID.randomUUID().toString(), T0 + 100);

        // Then the others move up and the first has entered
        assertThat(admitted).isTrue();
        assertThat(room.lookup(first, T0 + 101, true)).isEqualTo(new TicketState.Entered());
        assertThat(position(second, T0 + 101)).isEqualTo(1);
        assertThat(position(third, T0 + 101)).isEqualTo(2);
    }

    @Test
    @DisplayName("a second admit of the same ticket fails")
    void secondAdmitFails() {
        // Given an admitted ticket
        String token = join(T0);
        assertThat(room.admit(token, UUID.randomUUID().toString(), T0 + 1)).isTrue();

        // When / Then admitting it again fails
        assertThat(room.admit(token, UUID.randomUUID().toString(), T0 + 2)).isFalse();
    }

    @Test
    @DisplayName("admit records the reservation token with its 30 s TTL")
    void admitRecordsReservationToken() {
        // Given a waiting ticket
        String token = join(T0);
        String reservationToken = UUID.randomUUID().toString();

        // When it is admitted
        room.admit(token, reservationToken, T0 + 1);

        // Then the reservation token lives for about 30 s
        long ttl = raw.pttl("queue:reservation-token:" + reservationToken);
        assertThat(ttl).isBetween(25_000L, 30_000L);
    }

    @Test
    @DisplayName("a user silent for the heartbeat period is dropped and the ones behind move up")
    void heartbeatExpiryDropsTicket() {
        // Given three users; the second and third poll later, the first never polls again
        String silent = join(T0);
        String second = join(T0 + 1);
        String third = join(T0 + 2);
        room.lookup(second, T0 + 200_000, true);
        room.lookup(third, T0 + 200_000, true);

        // When time reaches the first one's heartbeat deadline
        long deadline = T0 + POLICY.heartbeatMs();
        assertThat(position(second, deadline - 1)).isEqualTo(2);

        // Then the silent one is dropped and the others move up
        assertThat(position(second, deadline)).isEqualTo(1);
        assertThat(position(third, deadline)).isEqualTo(2);
        assertThat(room.lookup(silent, deadline, true)).isEqualTo(new TicketState.Unknown());
        assertThat(room.waitingByEvent()).containsEntry(eventId, 2L);
    }

    @Test
    @DisplayName("a lookup without renewal does not extend the heartbeat")
    void lookupWithoutRenewalKeepsDeadline() {
        // Given a user who is only looked up without renewal
        String token = join(T0);
        room.lookup(token, T0 + 200_000, false);

        // When the heartbeat period since join passes
        TicketState state = room.lookup(token, T0 + POLICY.heartbeatMs(), true);

        // Then the ticket is dropped
        assertThat(state).isEqualTo(new TicketState.Unknown());
    }

    @Test
    @DisplayName("a waiting ticket ends with its 30 minute lifetime even when it keeps polling")
    void lifetimeEndsWaitingTicket() {
        // Given a user who polls every 4 minutes, and one who joined later
        String token = join(T0);
        String later = join(T0 + 1);
        for (long t = T0; t < T0 + POLICY.ticketLifetimeMs(); t += 240_000) {
            room.lookup(token, t, true);
            room.lookup(later, t, true);
        }
        assertThat(position(token, T0 + POLICY.ticketLifetimeMs() - 1)).isEqualTo(1);

        // When the lifetime ends
        long end = T0 + POLICY.ticketLifetimeMs();

        // Then the ticket is unknown and no longer counts ahead of the later user
        assertThat(position(later, end)).isEqualTo(1);
        assertThat(room.lookup(token, end, true)).isEqualTo(new TicketState.Unknown());
    }

    @Test
    @DisplayName("an entered ticket answers Entered until its lifetime ends, then Unknown")
    void enteredUntilLifetimeEnds() {
        // Given an admitted ticket
        String token = join(T0);
        room.admit(token, UUID.randomUUID().toString(), T0 + 1);

        // When / Then
        assertThat(room.lookup(token, T0 + POLICY.ticketLifetimeMs() - 1, true)).isEqualTo(new TicketState.Entered());
        assertThat(room.lookup(token, T0 + POLICY.ticketLifetimeMs(), true)).isEqualTo(new TicketState.Unknown());
    }

    @Test
    @DisplayName("admit fails for a ticket whose heartbeat ran out")
    void admitFailsAfterHeartbeat() {
        // Given a ticket that never polled
        String token = join(T0);

        // When / Then admit after the heartbeat period fails
        assertThat(room.admit(token, UUID.randomUUID().toString(), T0 + POLICY.heartbeatMs()))
                .isFalse();
        assertThat(room.lookup(token, T0 + POLICY.heartbeatMs(), true)).isEqualTo(new TicketState.Unknown());
    }

    @Test
    @DisplayName("leave removes a waiting ticket, the ones behind move up; unknown tokens are ignored")
    void leave() {
        // Given two waiting users
        String first = join(T0);
        String second = join(T0 + 1);

        // When the first leaves (and an unknown token leaves too)
        room.leave(first);
        room.leave(UUID.randomUUID().toString());

        // Then the first is unknown and the second is at 1
        assertThat(room.lookup(first, T0 + 2, true)).isEqualTo(new TicketState.Unknown());
        assertThat(position(second, T0 + 2)).isEqualTo(1);
    }

    @Test
    @DisplayName("unknown tokens are Unknown")
    void unknownToken() {
        assertThat(room.lookup(UUID.randomUUID().toString(), T0, true)).isEqualTo(new TicketState.Unknown());
        assertThat(room.admit(UUID.randomUUID().toString(), "rt", T0)).isFalse();
    }

    @Test
    @DisplayName("recent admissions count admits within the admission window ending now")
    void recentAdmissions() {
        // Given admissions at T0 and T0 + 5 s
        room.admit(join(T0), UUID.randomUUID().toString(), T0);
        room.admit(join(T0), UUID.randomUUID().toString(), T0 + 5_000);

        // When / Then the window of 10 s ending now counts them
        assertThat(room.recentAdmissions(eventId, T0 + 9_999)).isEqualTo(2);
        assertThat(room.recentAdmissions(eventId, T0 + POLICY.admissionWindowMs()))
                .isEqualTo(1);
        assertThat(room.recentAdmissions(eventId, T0 + 15_000)).isZero();
        assertThat(room.recentAdmissions(RedisTestSupport.unique("none"), T0)).isZero();
    }

    @Test
    @DisplayName("waitingByEvent counts the users waiting per event")
    void waitingByEvent() {
        // Given three joins, one admitted
        String first = join(T0);
        join(T0);
        join(T0);
        room.admit(first, UUID.randomUUID().toString(), T0 + 1);

        // When / Then
        assertThat(room.waitingByEvent()).containsEntry(eventId, 2L);
    }

    @Test
    @DisplayName("the admission bucket starts with 500 tokens, then refills 50 per second")
    void admissionBucket() {
        // Given a fresh bucket: 500 takes succeed at one instant
        for (int i = 0; i < 500; i++) {
            assertThat(room.takeAdmissionToken(eventId, T0))
                    .as("take %d", i + 1)
                    .isTrue();
        }

        // When it is empty
        assertThat(room.takeAdmissionToken(eventId, T0)).isFalse();

        // Then one second later exactly 50 more are available
        int refilled = 0;
        while (room.takeAdmissionToken(eventId, T0 + 1_000)) {
            refilled++;
        }
        assertThat(refilled).isEqualTo(50);
        // and one token comes back every 20 ms
        assertThat(room.takeAdmissionToken(eventId, T0 + 1_019)).isFalse();
        assertThat(room.takeAdmissionToken(eventId, T0 + 1_020)).isTrue();
    }

    @Test
    @DisplayName("join sets production-like TTLs: waiting token 30 minutes")
    void joinSetsTtls() {
        // Given / When a join
        String token = join(T0);

        // Then the ticket hash expires in about 30 minutes
        assertThat(raw.pttl("queue:waiting:" + token)).isBetween(1_790_000L, 1_800_000L);
        assertThat(raw.zscore("heartbeat:" + eventId, token)).isEqualTo((double) T0);
    }
}
