package store.traffictacos.capacity.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import store.traffictacos.capacity.profile.YamlNode.Field;
import store.traffictacos.capacity.profile.YamlNode.Mapping;
import store.traffictacos.capacity.profile.YamlNode.Scalar;
import store.traffictacos.capacity.profile.YamlNode.Sequence;

/** Reads one YAML document into {@link YamlNode}s by walking Jackson's tokens, keeping each token's line. */
final class YamlReader {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final JsonParser parser;
    private final String source;

    private YamlReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** The document's root, or empty if the text holds no document at all. */
    static Optional<YamlNode> read(String text, String source) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = new YamlReader(parser, source).value("");
            if (parser.nextToken() != null) {
                throw ProfileException.at(source, line(parser), "", "a profile file holds one YAML document, found a second");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
    }

    private YamlNode value(String path) throws IOException {
        int line = line(parser);
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(line, path);
            case START_ARRAY -> sequence(line, path);
            case VALUE_NULL -> new Scalar(null, null, line, path);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), parser.getDecimalValue(), line, path);
            default -> new Scalar(parser.getText(), null, line, path);
        };
    }

    private Mapping mapping(int line, String path) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            // Jackson's YAML parser passes duplicate keys on and a tree would keep the last one silently.
            if (fields.containsKey(key)) {
                throw ProfileException.at(source, keyLine, path, "duplicate field '" + key + "'");
            }
            parser.nextToken();
            fields.put(key, new Field(keyLine, value(path.isEmpty() ? key : path + "." + key)));
        }
        return new Mapping(fields, line, path);
    }

    private Sequence sequence(int line, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(path + "[" + items.size() + "]"));
        }
        return new Sequence(items, line, path);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /**
     * Reports a syntax error at SnakeYAML's problem mark when there is one: Jackson's location is that of the last
     * token read, which can be lines before the fault (e.g. when comments come between).
     */
    private static ProfileException syntaxError(String source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark context = marked.getContextMark();
            String during = marked.getContext() == null || context == null
                    ? "" : " (" + marked.getContext() + " from line " + (context.getLine() + 1) + ")";
            return ProfileException.at(source, marked.getProblemMark().getLine() + 1, "",
                    "invalid YAML: " + marked.getProblem() + during);
        }
        JsonLocation location = e.getLocation();
        return ProfileException.at(source, location == null ? 0 : location.getLineNr(), "",
                "invalid YAML: " + e.getOriginalMessage());
    }
}
