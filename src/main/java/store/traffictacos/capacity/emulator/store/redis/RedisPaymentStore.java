package store.traffictacos.capacity.emulator.store.redis;

import static store.traffictacos.capacity.emulator.store.redis.Replies.list;
import static store.traffictacos.capacity.emulator.store.redis.Replies.number;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import store.traffictacos.capacity.emulator.payment.PaymentIntent;
import store.traffictacos.capacity.emulator.payment.PaymentStore;

/** Payment intents as {@code payment:<id>} hashes; settle is one script (PENDING only). */
final class RedisPaymentStore implements PaymentStore {
    private static final LuaScript SETTLE = LuaScript.load("payment_settle.lua");

    private final UnifiedJedis redis;

    RedisPaymentStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void create(PaymentIntent intent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", intent.id());
        putIfPresent(fields, "reservation_id", intent.reservationId());
        fields.put("amount", Long.toString(intent.amount()));
        putIfPresent(fields, "currency", intent.currency());
        fields.put("status", intent.status().name());
        fields.put("created_at", Long.toString(intent.createdAtMs()));
        putIfPresent(fields, "webhook_url", intent.webhookUrl());
        String key = RedisKeys.payment(intent.id());
        if (fields.size() < 7) {
            // a re-created intent must not keep optional fields of the old one
            redis.del(key);
        }
        redis.hset(key, fields);
    }

    @Override
    public Optional<PaymentIntent> find(String intentId) {
        Map<String, String> fields = redis.hgetAll(RedisKeys.payment(intentId));
        return fields.isEmpty() ? Optional.empty() : Optional.of(decode(fields));
    }

    @Override
    public Optional<Settlement> settle(String intentId, PaymentIntent.Status status) {
        List<Object> reply = list(SETTLE.run(redis, List.of(RedisKeys.payment(intentId)), List.of(status.name())));
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Settlement(decode(Replies.fields(reply.get(1))), number(reply.get(0)) == 1));
    }

    private static PaymentIntent decode(Map<String, String> fields) {
        return new PaymentIntent(
                fields.get("id"),
                fields.get("reservation_id"),
                Long.parseLong(fields.get("amount")),
                fields.get("currency"),
                PaymentIntent.Status.valueOf(fields.get("status")),
                Long.parseLong(fields.get("created_at")),
                fields.get("webhook_url"));
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
