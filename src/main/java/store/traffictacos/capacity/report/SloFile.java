package store.traffictacos.capacity.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import store.traffictacos.capacity.report.SloSet.Metric;
import store.traffictacos.capacity.report.SloSet.Slo;

/**
 * The SLOs a run is judged against, from a YAML file the user can change:
 *
 * <pre>
 * settleSeconds: 5             # optional; each missing key takes its SloSet.defaults() value
 * generatorBehindRatio: 0.97   # optional
 * slos:                        # optional; when given it replaces the default list
 *   - {name: p99 latency, metric: p99_ms, below: 100}
 *   - {name: error rate, metric: error_rate, below: 0.01}
 * </pre>
 *
 * Every mistake is a one-line {@link IllegalArgumentException} naming the file, the line and the
 * field, e.g. {@code slo.yaml line 5: slos[1].metric: unknown metric 'p999'; valid: p50_ms, ...},
 * because the CLI prints it as the whole error.
 */
public final class SloFile {
    private static final String VALID_METRICS =
            Arrays.stream(Metric.values()).map(Metric::key).collect(Collectors.joining(", "));

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new SimpleModule().addDeserializer(Metric.class, new MetricDeserializer()))
            .build();

    private SloFile() {
    }

    public static SloSet parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SLO file " + file + ": " + reason(e));
        }
        return parse(text, file.toString());
    }

    /**
     * @param source how errors name the text, usually its file name
     * @throws IllegalArgumentException with a one-line message if the text is not a valid SLO file
     */
    public static SloSet parse(String yaml, String source) {
        SloFileJson file;
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return SloSet.defaults();
            }
            file = YAML.readValue(parser, SloFileJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(oneLine(source + where(e) + ": " + problem(e)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string failed", e);
        }
        try {
            return file.toSloSet();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's shape; a null field was not written and takes its default. Bound through setters rather
     * than a record constructor so that Jackson reads field by field and reports each error at its line.
     */
    private static final class SloFileJson {
        private Long settleSeconds;
        private Double generatorBehindRatio;
        private List<SloJson> slos;

        public void setSettleSeconds(long settleSeconds) {
            if (settleSeconds < 0) {
                throw new IllegalArgumentException("must be >= 0, got " + settleSeconds);
            }
            this.settleSeconds = settleSeconds;
        }

        public void setGeneratorBehindRatio(double ratio) {
            // Above 1 every second would be the generator's fault; at 0 or below, none ever would.
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("must be in (0, 1], got " + ratio);
            }
            this.generatorBehindRatio = ratio;
        }

        public void setSlos(List<SloJson> slos) {
            this.slos = slos;
        }

        /** Checks what only the whole file shows: missing SLO fields and repeated names. */
        SloSet toSloSet() {
            SloSet defaults = SloSet.defaults();
            List<Slo> parsed = defaults.slos();
            if (slos != null) {
                if (slos.isEmpty()) {
                    throw new IllegalArgumentException(
                            "slos: must list at least one SLO (leave it out for the defaults)");
                }
                Set<String> names = new HashSet<>();
                List<Slo> list = new ArrayList<>();
                for (int i = 0; i < slos.size(); i++) {
                    Slo slo = slos.get(i).toSlo("slos[" + i + "]");
                    if (!names.add(slo.name())) {
                        throw new IllegalArgumentException(
                                "slos[" + i + "].name: duplicate SLO name '" + slo.name() + "'");
                    }
                    list.add(slo);
                }
                parsed = List.copyOf(list);
            }
            return new SloSet(parsed,
                    settleSeconds == null ? defaults.settleSeconds() : settleSeconds,
                    generatorBehindRatio == null ? defaults.generatorBehindRatio() : generatorBehindRatio);
        }
    }

    private static final class SloJson {
        private String name;
        private Metric metric;
        private Double below;

        public void setName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            this.name = name;
        }

        public void setMetric(Metric metric) {
            this.metric = metric;
        }

        public void setBelow(double below) {
            // No measured value is below 0, so a threshold of 0 or less could never pass.
            if (!(below > 0)) {
                throw new IllegalArgumentException("must be > 0, got " + below);
            }
            this.below = below;
        }

        Slo toSlo(String path) {
            if (name == null) {
                throw new IllegalArgumentException(path + ": missing field 'name'");
            }
            if (metric == null) {
                throw new IllegalArgumentException(path + ": missing field 'metric' (one of " + VALID_METRICS + ")");
            }
            if (below == null) {
                throw new IllegalArgumentException(path + ": missing field 'below'");
            }
            return new Slo(name, metric, below);
        }
    }

    private static final class MetricDeserializer extends JsonDeserializer<Metric> {
        @Override
        public Metric deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String key = parser.getValueAsString();
            return Arrays.stream(Metric.values())
                    .filter(metric -> metric.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> JsonMappingException.from(parser,
                            "unknown metric '" + key + "'; valid: " + VALID_METRICS));
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

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }
}
