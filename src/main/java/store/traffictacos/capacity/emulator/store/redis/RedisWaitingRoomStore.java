package store.traffictacos.capacity.emulator.store.redis;

import static store.traffictacos.capacity.emulator.store.redis.Replies.list;
import static store.traffictacos.capacity.emulator.store.redis.Replies.number;
import static store.traffictacos.capacity.emulator.store.redis.Replies.orEmpty;
import static store.traffictacos.capacity.emulator.store.redis.Replies.present;
import static store.traffictacos.capacity.emulator.store.redis.Replies.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.queue.TicketState;
import store.traffictacos.capacity.emulator.queue.WaitingRoomStore;
import store.traffictacos.capacity.emulator.queue.WaitingTicket;

/**
 * The waiting room in Redis. Every call is one round trip (one script or one command): the
 * ranking is {@code queue:event:<event>} (ZSET by join sequence, position = ZRANK + 1), heartbeats
 * are {@code heartbeat:<event>} (ZSET by last poll), tickets are {@code queue:waiting:<token>}.
 * Expiry is decided by the {@code nowMs} passed in; real TTLs only clean up later.
 */
final class RedisWaitingRoomStore implements WaitingRoomStore {
    private static final LuaScript JOIN = LuaScript.load("queue_common.lua", "queue_join.lua");
    private static final LuaScript LOOKUP = LuaScript.load("queue_common.lua", "queue_lookup.lua");
    private static final LuaScript ADMIT = LuaScript.load("queue_common.lua", "queue_admit.lua");
    private static final LuaScript LEAVE = LuaScript.load("queue_common.lua", "queue_leave.lua");
    private static final LuaScript WAITING_BY_EVENT = LuaScript.load("queue_common.lua", "queue_waiting_by_event.lua");
    private static final LuaScript BUCKET = LuaScript.load("token_bucket.lua");

    private final UnifiedJedis redis;
    private final AdmissionPolicy policy;
    private final String heartbeatMs;
    private final String lifetimeMs;
    private final String bucketTtlMs;

    RedisWaitingRoomStore(UnifiedJedis redis, AdmissionPolicy policy) {
        this.redis = redis;
        this.policy = policy;
        this.heartbeatMs = Long.toString(policy.heartbeatMs());
        this.lifetimeMs = Long.toString(policy.ticketLifetimeMs());
        long fillMs = policy.bucketRefillPerSecond() > 0
                ? (long) Math.ceil(policy.bucketCapacity() * 1000.0 / policy.bucketRefillPerSecond())
                : 3_600_000L;
        this.bucketTtlMs = Long.toString(fillMs + 60_000L);
    }

    @Override
    public void join(WaitingTicket ticket) {
        JOIN.run(
                redis,
                List.of(RedisKeys.waitingTicket(ticket.token())),
                List.of(
                        ticket.token(),
                        ticket.eventId(),
                        orEmpty(ticket.userId()),
                        present(ticket.userId()),
                        Long.toString(ticket.joinedAtMs()),
                        heartbeatMs,
                        lifetimeMs));
    }

    @Override
    public TicketState lookup(String token, long nowMs, boolean renewHeartbeat) {
        List<Object> reply = list(LOOKUP.run(
                redis,
                List.of(RedisKeys.waitingTicket(token)),
                List.of(token, Long.toString(nowMs), renewHeartbeat ? "1" : "0", heartbeatMs, lifetimeMs)));
        return switch (text(reply.get(0))) {
            case "waiting" ->
                new TicketState.Waiting(
                        new WaitingTicket(token, text(reply.get(1)), text(reply.get(2)), number(reply.get(3))),
                        number(reply.get(4)));
            case "entered" -> new TicketState.Entered();
            default -> new TicketState.Unknown();
        };
    }

    @Override
    public boolean takeAdmissionToken(String eventId, long nowMs) {
        List<Object> reply = list(BUCKET.run(
                redis,
                List.of(RedisKeys.admissionBucket(eventId)),
                List.of(
                        Integer.toString(policy.bucketCapacity()),
                        Double.toString(policy.bucketRefillPerSecond()),
                        Long.toString(nowMs),
                        bucketTtlMs)));
        return number(reply.get(0)) == 1;
    }

    @Override
    public boolean admit(String token, String reservationToken, long nowMs) {
        Object reply = ADMIT.run(
                redis,
                List.of(RedisKeys.waitingTicket(token)),
                List.of(
                        token,
                        reservationToken,
                        Long.toString(nowMs),
                        heartbeatMs,
                        lifetimeMs,
                        Long.toString(policy.admissionWindowMs()),
                        Long.toString(policy.reservationTokenTtlMs())));
        return number(reply) == 1;
    }

    @Override
    public void leave(String token) {
        LEAVE.run(redis, List.of(RedisKeys.waitingTicket(token)), List.of(token));
    }

    @Override
    public long recentAdmissions(String eventId, long nowMs) {
        return redis.zcount(RedisKeys.admitted(eventId), "(" + (nowMs - policy.admissionWindowMs()), "+inf");
    }

    @Override
    public Map<String, Long> waitingByEvent() {
        List<Object> flat = list(WAITING_BY_EVENT.run(redis, List.of(), List.of()));
        Map<String, Long> waiting = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            waiting.put(text(flat.get(i)), number(flat.get(i + 1)));
        }
        return waiting;
    }
}
