package store.traffictacos.capacity.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Binds a user's YAML file (SLO file, run spec) to its shape, strictly (unknown or duplicate keys,
 * nulls for numbers and fractions for whole numbers are errors), and turns every mistake into a
 * one-line {@link IllegalArgumentException} naming the file, the line and the field, e.g.
 * {@code slo.yaml line 5: slos[1].metric: unknown metric 'p999'}, because the CLI prints it as the
 * whole error. A setter that throws an IllegalArgumentException gives its message as the problem.
 */
public final class YamlBinding {
    private final ObjectMapper mapper;

    public YamlBinding(Module... modules) {
        YAMLMapper.Builder builder = YAMLMapper.builder(YAMLFactory.builder().build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
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
        try (JsonParser parser = mapper.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return mapper.readValue(parser, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(oneLine(source + where(e) + ": " + problem(e)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
    }

    /** " line N: path" as far as known; the path (e.g. {@code slos[1].metric}) only for errors in a value. */
    private static String where(JsonProcessingException e) {
        int line = syntaxProblem(e).map(mark -> mark.getProblemMark().getLine() + 1)
                .orElse(e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        String path = e instanceof JsonMappingException mapping && syntaxProblem(e).isEmpty()
                ? path(mapping.getPath()) : "";
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

    private static String problem(JsonProcessingException e) {
        Optional<MarkedYAMLException> syntax = syntaxProblem(e);
        if (syntax.isPresent()) {
            return "invalid YAML: " + syntax.get().getProblem();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            // The path already ends with the unknown field; name the ones that would have been accepted.
            return "unknown field (expected " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + kind(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
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

    private static String kind(Class<?> type) {
        if (type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type == String.class ? "text" : "a mapping of fields";
    }

    public static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

}
