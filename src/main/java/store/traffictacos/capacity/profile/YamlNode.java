package store.traffictacos.capacity.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value that remembers where it was written (line and path such as {@code phases[1].duration}), which
 * Jackson's {@code JsonNode} forgets, so that every error in a profile file can point at its line.
 */
sealed interface YamlNode {

    int line();

    String path();

    /** What the value is, for messages like "expected a list, got a number". */
    String kind();

    record Mapping(Map<String, Field> fields, int line, String path) implements YamlNode {
        Optional<YamlNode> get(String key) {
            return Optional.ofNullable(fields.get(key)).map(Field::value);
        }

        boolean has(String key) {
            return fields.containsKey(key);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A mapping's value with the line of its key, which is where an unknown or duplicate key is reported. */
    record Field(int keyLine, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, int line, String path) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written. {@code text} is null for an empty value ({@code rps:} or {@code ~}); {@code number}
     * is set when YAML typed the value as a number (so {@code 5_000} counts and the quoted {@code "5000"} does not).
     */
    record Scalar(String text, BigDecimal number, int line, String path) implements YamlNode {
        @Override
        public String kind() {
            if (text == null) {
                return "nothing";
            }
            return number != null ? "the number " + text : "text '" + text + "'";
        }
    }
}
