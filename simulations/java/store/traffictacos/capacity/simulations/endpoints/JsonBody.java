package store.traffictacos.capacity.simulations.endpoints;

import static io.gatling.javaapi.core.CoreDsl.bodyBytes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.CheckBuilder;
import java.io.IOException;
import java.util.function.Function;

/**
 * An answer whose JSON object a step checks and reads several fields of, read with one parse of its body.
 * Gatling parses a body once for every jsonPath check (each check of its Java DSL gets a parser of its own,
 * and a response shares a parsed body only between checks of one parser), so a hold checked for its status
 * and read for its id, seats and expiry was parsed four times: parsing was 13 % of the CPU samples of
 * Gatling's threads at 8,000 req/s (JFR), a quarter more than before the hold's seats and expiry were read.
 */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {}

    /**
     * Saves as {@code saveAs} what {@code read} makes of the answer's JSON object. The check fails, saying it
     * expected {@code expected}, when the body is no JSON object or {@code read} returns null.
     */
    static <T> CheckBuilder.Final read(String expected, Function<JsonNode, T> read, String saveAs) {
        return bodyBytes()
                .transform(body -> {
                    JsonNode object = object(body);
                    return object == null ? null : read.apply(object);
                })
                .validate(expected, (value, session) -> {
                    if (value == null) {
                        throw new IllegalStateException("expected " + expected);
                    }
                    return value;
                })
                .saveAs(saveAs);
    }

    /** The text of {@code field}; null when it is absent or not a string. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static JsonNode object(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
