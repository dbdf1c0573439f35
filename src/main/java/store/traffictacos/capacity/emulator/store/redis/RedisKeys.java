package store.traffictacos.capacity.emulator.store.redis;

/** The key names (production-like; the admin routes report them by pattern). */
final class RedisKeys {
    private RedisKeys() {}

    static String waitingTicket(String token) {
        return "queue:waiting:" + token;
    }

    static String ranking(String eventId) {
        return "queue:event:" + eventId;
    }

    static String heartbeats(String eventId) {
        return "heartbeat:" + eventId;
    }

    static String admissionBucket(String eventId) {
        return "queue:bucket:" + eventId;
    }

    static String admitted(String eventId) {
        return "queue:admitted:" + eventId;
    }

    static String reservationToken(String token) {
        return "queue:reservation-token:" + token;
    }

    static String idempotency(String key) {
        return "idempotency:" + key;
    }

    static String dedupe(String key) {
        return "dedupe:" + key;
    }

    static String rateLimit(String clientKey) {
        return "ratelimit:" + clientKey;
    }

    static String reservation(String id) {
        return "reservation:" + id;
    }

    static String payment(String id) {
        return "payment:" + id;
    }

    static String inventory(String eventId, String suffix) {
        return "inventory:" + eventId + ":" + suffix;
    }
}
