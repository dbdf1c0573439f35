package store.traffictacos.capacity.platform.redis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Parses the text of Redis {@code INFO} (also {@code CLUSTER INFO}): {@code field:value} lines. */
public final class RedisInfo {
    private RedisInfo() {}

    /**
     * Every {@code field:value} line, in order; {@code # Section} headers, blank lines and
     * anything without a colon are skipped, CRLF or LF. Never throws on odd input.
     */
    public static Map<String, String> parse(String infoText) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (infoText == null) {
            return fields;
        }
        for (String raw : infoText.split("\r?\n")) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return Collections.unmodifiableMap(fields);
    }

    /** The numeric value of {@code field}, empty when absent or not a number. */
    public static OptionalDouble number(Map<String, String> info, String field) {
        String value = info.get(field);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Whether this INFO says {@code cluster_enabled:1}. */
    public static boolean clusterEnabled(Map<String, String> info) {
        return "1".equals(info.get("cluster_enabled"));
    }
}
