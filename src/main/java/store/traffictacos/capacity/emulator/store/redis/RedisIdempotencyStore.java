package store.traffictacos.capacity.emulator.store.redis;

import static store.traffictacos.capacity.emulator.store.redis.Replies.bytes;
import static store.traffictacos.capacity.emulator.store.redis.Replies.list;
import static store.traffictacos.capacity.emulator.store.redis.Replies.text;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.guard.IdempotencyStore;
import store.traffictacos.capacity.emulator.guard.StoredResponse;

/**
 * Idempotency records: {@code dedupe:<key>} marks a claimed key whose request is still running,
 * {@code idempotency:<key>} keeps the 2xx response (body bytes stored as they are). Both expire
 * {@code ttlMs} after the claim, decided by {@code nowMs}. Claim and complete are one script each.
 */
final class RedisIdempotencyStore implements IdempotencyStore {
    private static final LuaScript CLAIM = LuaScript.load("idempotency_claim.lua");
    private static final LuaScript COMPLETE = LuaScript.load("idempotency_complete.lua");
    private static final byte[] EMPTY = new byte[0];

    private final UnifiedJedis redis;

    RedisIdempotencyStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Claim claim(String key, String fingerprint, long nowMs, long ttlMs) {
        List<Object> reply = list(CLAIM.runBinary(
                redis,
                keys(key),
                List.of(bytes(fingerprint), bytes(Long.toString(nowMs)), bytes(Long.toString(ttlMs)))));
        return switch (text(reply.get(0))) {
            case "claimed" -> new Claim.Claimed();
            case "in_progress" -> new Claim.InProgress();
            case "replay" ->
                new Claim.Replay(new StoredResponse(
                        Integer.parseInt(text(reply.get(1))), text(reply.get(2)), (byte[]) reply.get(3)));
            default -> new Claim.Conflict();
        };
    }

    @Override
    public void complete(String key, String fingerprint, StoredResponse response, long nowMs, long ttlMs) {
        COMPLETE.runBinary(
                redis,
                keys(key),
                List.of(
                        bytes(fingerprint),
                        bytes(Integer.toString(response.status())),
                        response.contentType() == null ? EMPTY : bytes(response.contentType()),
                        bytes(Replies.present(response.contentType())),
                        response.body() == null ? EMPTY : response.body(),
                        bytes(Long.toString(ttlMs))));
    }

    @Override
    public void release(String key) {
        redis.del(RedisKeys.dedupe(key));
    }

    private static List<byte[]> keys(String key) {
        return List.of(bytes(RedisKeys.idempotency(key)), bytes(RedisKeys.dedupe(key)));
    }
}
