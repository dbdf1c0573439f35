package store.traffictacos.capacity.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code platform.json} in a run's results folder, format {@code tacos-platform/1}:
 *
 * <pre>{@code
 * {
 *   "format": "tacos-platform/1",
 *   "series": [
 *     {"source": "redis", "series": "127.0.0.1:6379/ops_per_sec", "unit": "ops/s",
 *      "points": [[1795795600000, 24392.0], [1795795605000, 25010.0]]}
 *   ],
 *   "unavailable": {"cloudwatch": "no AWS credentials"}
 * }
 * }</pre>
 *
 * One entry per (source, series) in order of first appearance, each point {@code [epochMs, value]}
 * in the order sampled; {@code unavailable} maps a source to why it could not be read (at
 * least once) during the run.
 */
public final class PlatformSeriesFile {
    public static final String FORMAT = "tacos-platform/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a {@code platform.json} holds. */
    public record Contents(List<PlatformSample> samples, Map<String, String> unavailable) {
        public Contents {
            samples = List.copyOf(samples);
            unavailable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
        }
    }

    private PlatformSeriesFile() {}

    /** Writes {@code file} (a run folder's platform.json), atomically replacing it. */
    public static void write(Path file, List<PlatformSample> samples, Map<String, String> unavailable)
            throws IOException {
        Map<List<String>, ArrayNode> points = new LinkedHashMap<>();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode series = root.putArray("series");
        for (PlatformSample sample : samples) {
            List<String> key = List.of(sample.source(), sample.series(), sample.unit());
            ArrayNode target = points.computeIfAbsent(key, k -> {
                ObjectNode entry = series.addObject();
                entry.put("source", k.get(0));
                entry.put("series", k.get(1));
                entry.put("unit", k.get(2));
                return entry.putArray("points");
            });
            target.addArray().add(sample.epochMs()).add(sample.value());
        }
        ObjectNode reasons = root.putObject("unavailable");
        unavailable.forEach(reasons::put);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a {@code platform.json}; samples come back series by series.
     *
     * @throws IOException when it is missing, not JSON, or not {@code tacos-platform/1}
     */
    public static Contents read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not a " + FORMAT + " file (format: "
                    + (root == null ? "none" : root.path("format").asText("none")) + ")");
        }
        List<PlatformSample> samples = new ArrayList<>();
        for (JsonNode entry : root.path("series")) {
            String source = required(entry, "source", file);
            String series = required(entry, "series", file);
            String unit = required(entry, "unit", file);
            for (JsonNode point : entry.path("points")) {
                if (!point.isArray()
                        || point.size() != 2
                        || !point.get(0).isIntegralNumber()
                        || !point.get(1).isNumber()) {
                    throw new IOException(file + ": bad point " + point + " in series " + series);
                }
                samples.add(new PlatformSample(
                        source, series, point.get(0).asLong(), point.get(1).asDouble(), unit));
            }
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> reasons = root.path("unavailable").fields();
        while (reasons.hasNext()) {
            Map.Entry<String, JsonNode> reason = reasons.next();
            unavailable.put(reason.getKey(), reason.getValue().asText());
        }
        return new Contents(samples, unavailable);
    }

    private static String required(JsonNode entry, String field, Path file) throws IOException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(file + ": series entry without \"" + field + "\": " + entry);
        }
        return value.asText();
    }
}
