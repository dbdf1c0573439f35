package store.traffictacos.capacity.emulator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decoding of script replies. */
final class Replies {
    private Replies() {}

    @SuppressWarnings("unchecked")
    static List<Object> list(Object reply) {
        return (List<Object>) reply;
    }

    /** A bulk or integer reply as text; null for a nil reply. */
    static String text(Object reply) {
        if (reply == null) {
            return null;
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return reply.toString();
    }

    static long number(Object reply) {
        if (reply instanceof Long value) {
            return value;
        }
        return Long.parseLong(text(reply));
    }

    /** A flat HGETALL-style reply {field, value, field, value, ...}. */
    static Map<String, String> fields(Object reply) {
        List<Object> flat = list(reply);
        Map<String, String> fields = new HashMap<>(flat.size());
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(text(flat.get(i)), text(flat.get(i + 1)));
        }
        return fields;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** "1"/"0" flag arguments for optional (nullable) values. */
    static String present(Object value) {
        return value == null ? "0" : "1";
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
