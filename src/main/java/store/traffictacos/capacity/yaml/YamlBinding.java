package store.traffictacos.capacity.yaml;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import store.traffictacos.capacity.config.Uris;

/**
 * Binds a user's YAML file (profile, SLO file, run spec) to its shape, strictly (unknown or duplicate
 * keys, a second document, nulls for numbers and fractions for whole numbers are errors), and turns
 * every mistake into a one-line {@link IllegalArgumentException} naming the file, the line and the
 * field, e.g. {@code slo.yaml line 5: slos[1].metric: unknown metric 'p999'}, because the CLI prints
 * it as the whole error. A setter that throws an IllegalArgumentException gives its message as the
 * problem; a value of the wrong kind, or an empty one, reads {@code expected a whole number, got text
 * 'soon'} ({@code got nothing}), where a type's {@link JsonClassDescription} names what it should look like.
 */
public final class YamlBinding {
    private static final String DUPLICATE_FIELD = "Duplicate field ";
    /** Reads the tokens only, to find a syntax error before any value: it can make earlier values misread. */
    private static final YAMLFactory SYNTAX = new YAMLFactory();

    private final ObjectMapper mapper;

    /**
     * A bound object told the line it starts at, so that the checks of the object as a whole (a field
     * missing, two fields that exclude each other) can be reported at its line after binding.
     */
    public interface Located {
        void startsAtLine(int line);
    }

    public YamlBinding(Module... modules) {
        // An empty value (`runners:`) is null, as YAML has it, not the empty text.
        YAMLMapper.Builder builder = YAMLMapper.builder(YAMLFactory.builder()
                        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // An empty value is an error ("got nothing") rather than a null that a setter would trip on.
                .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL))
                .addModule(new SimpleModule().setDeserializerModifier(new LocatingModifier()));
        for (Module module : modules) {
            builder.addModule(module);
        }
        this.mapper = builder.build();
    }

    /**
     * The text bound to {@code type}, or null when it is empty.
     *
     * @param source how errors name the text, usually its file name
     */
    public <T> T bind(String yaml, String source, Class<T> type) {
        requireValidSyntax(yaml, source);
        try (KeyLines parser = new KeyLines(mapper.createParser(yaml))) {
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                T value = mapper.readValue(parser, type);
                requireOneDocument(parser, source);
                return value;
            } catch (JsonProcessingException e) {
                // Read while the parser still stands on the value at fault.
                throw new IllegalArgumentException(oneLine(source + where(e, parser) + ": " + problem(e, parser)), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
    }

    /** What a value is, as an error says what it got: {@code the number 5}, {@code text 'peak'}, {@code nothing}. */
    public static String describe(JsonNode value) {
        return describe(value.asToken(), value.asText());
    }

    /** One line, without the user info of any URL in it: a password never reaches an error. */
    public static String oneLine(String message) {
        return Uris.redact(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static void requireValidSyntax(String yaml, String source) {
        try (JsonParser parser = SYNTAX.createParser(yaml)) {
            while (parser.nextToken() != null) {
                // Only the tokens are read.
            }
        } catch (JsonProcessingException e) {
            if (syntaxProblem(e).isPresent()) {
                throw new IllegalArgumentException(oneLine(source + where(e, null) + ": " + problem(e, null)), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
    }

    /** A second document would be silently ignored; an empty one (a trailing {@code ---}) holds nothing to lose. */
    private static void requireOneDocument(JsonParser parser, String source) throws IOException {
        for (JsonToken next = parser.nextToken(); next != null; next = parser.nextToken()) {
            if (next != JsonToken.VALUE_NULL) {
                throw new IllegalArgumentException(source + " line "
                        + parser.currentTokenLocation().getLineNr() + ": expected one YAML document, found a second");
            }
        }
    }

    /**
     * " line N: path" as far as known; the path (e.g. {@code slos[1].metric}) only for errors in a value. An
     * unknown key is reported at its own line, not at that of its value, which may start lines below.
     */
    private static String where(JsonProcessingException e, KeyLines parser) {
        int line = syntaxProblem(e)
                .map(mark -> mark.getProblemMark().getLine() + 1)
                .orElse(
                        e instanceof UnrecognizedPropertyException && parser != null
                                ? parser.lastKeyLine
                                : e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        String path =
                e instanceof JsonMappingException mapping && syntaxProblem(e).isEmpty() ? path(mapping.getPath()) : "";
        return (line > 0 ? " line " + line : "") + (path.isEmpty() ? "" : ": " + path);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String problem(JsonProcessingException e, JsonParser parser) {
        Optional<MarkedYAMLException> syntax = syntaxProblem(e);
        if (syntax.isPresent()) {
            return "invalid YAML: " + syntax.get().getProblem() + context(syntax.get());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            // The path already ends with the unknown field; name the ones that would have been accepted.
            return "unknown field (expected "
                    + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kind(mismatch.getTargetType()) + ", got "
                    + describe(parser.currentToken(), parser.currentToken() == null ? "" : text(parser));
        }
        String message = e.getOriginalMessage() == null ? String.valueOf(e.getCause()) : e.getOriginalMessage();
        // Jackson's words for a key given twice, in the lower case of every other problem.
        return message.startsWith(DUPLICATE_FIELD) ? "d" + message.substring(1) : message;
    }

    /** SnakeYAML's report of a syntax error: Jackson's own location can be lines before the fault. */
    private static Optional<MarkedYAMLException> syntaxProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return Optional.of(marked);
            }
        }
        return Optional.empty();
    }

    /** Where the construct that the fault broke began, e.g. " (while parsing a flow mapping from line 2)". */
    private static String context(MarkedYAMLException marked) {
        Mark start = marked.getContextMark();
        return marked.getContext() == null || start == null
                ? ""
                : " (" + marked.getContext() + " from line " + (start.getLine() + 1) + ")";
    }

    private static String kind(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        if (description != null) {
            return description.value();
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "a name";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return type == String.class ? "text" : "a mapping of fields";
    }

    private static String describe(JsonToken token, String text) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_NULL -> "nothing";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
            case VALUE_TRUE, VALUE_FALSE -> text;
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            default -> "text '" + text + "'";
        };
    }

    private static String text(JsonParser parser) {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The parser, remembering the line of the last key it read. */
    private static final class KeyLines extends JsonParserDelegate {
        private int lastKeyLine;

        KeyLines(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == JsonToken.FIELD_NAME) {
                lastKeyLine = currentTokenLocation().getLineNr();
            }
            return token;
        }

        // The delegate's own nextFieldName would read past nextToken above.
        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }
    }

    /** Wraps the deserializer of every {@link Located} type. */
    private static final class LocatingModifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return Located.class.isAssignableFrom(description.getBeanClass())
                    ? new LocatingDeserializer(deserializer)
                    : deserializer;
        }
    }

    /** Binds as the wrapped deserializer does, then tells the object the line of its first token. */
    private static final class LocatingDeserializer extends DelegatingDeserializer {
        LocatingDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new LocatingDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
            Object value = super.deserialize(parser, context);
            ((Located) value).startsAtLine(line);
            return value;
        }
    }
}
