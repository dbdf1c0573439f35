package store.traffictacos.capacity.results.funnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A runner's {@link Funnel} in its results folder, {@value #FILE_NAME}. Runs recorded before it have none, and
 * their report shows no funnel.
 *
 * <pre>{@code
 * {"format": "tacos-funnel/1",
 *  "purchaseShare": 0.5,
 *  "phases": [{"phase": "step-1", "journeys": 200, "joined": 101, "admitted": 99, "held": 98, "paid": 98,
 *              "confirmed": 97, "dropped": 2,
 *              "admissionMs": "<base64 of the HdrHistogram's compressed encoding>"}]}
 * }</pre>
 */
public final class FunnelFile {
    public static final String FILE_NAME = "funnel.json";
    static final String FORMAT = "tacos-funnel/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FunnelFile() {}

    public static void write(Path runnerDir, Funnel funnel) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("purchaseShare", funnel.purchaseShare());
        ArrayNode phases = root.putArray("phases");
        for (PhaseFunnel phase : funnel.phases()) {
            phases.addObject()
                    .put("phase", phase.phase())
                    .put("journeys", phase.journeys())
                    .put("joined", phase.joined())
                    .put("admitted", phase.admitted())
                    .put("held", phase.held())
                    .put("paid", phase.paid())
                    .put("confirmed", phase.confirmed())
                    .put("dropped", phase.dropped())
                    .put("admissionMs", encode(phase.admissionMs()));
        }
        Files.createDirectories(runnerDir);
        JSON.writeValue(runnerDir.resolve(FILE_NAME).toFile(), root);
    }

    /**
     * The runner's funnel; empty when the runner left none (recorded before funnels existed).
     *
     * @throws IOException naming the file when it is damaged or of another format
     */
    public static Optional<Funnel> read(Path runnerDir) throws IOException {
        Path file = runnerDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException(
                        "format '" + root.path("format").asText() + "' is not " + FORMAT);
            }
            List<PhaseFunnel> phases = new ArrayList<>();
            for (JsonNode phase : root.path("phases")) {
                phases.add(new PhaseFunnel(
                        text(phase, "phase"),
                        count(phase, "journeys"),
                        count(phase, "joined"),
                        count(phase, "admitted"),
                        count(phase, "held"),
                        count(phase, "paid"),
                        count(phase, "confirmed"),
                        count(phase, "dropped"),
                        decode(text(phase, "admissionMs"))));
            }
            return Optional.of(new Funnel(root.path("purchaseShare").asDouble(), phases));
        } catch (IOException | RuntimeException | DataFormatException e) {
            throw new IOException(FILE_NAME + " is damaged or not a " + FORMAT + " file: " + e.getMessage(), e);
        }
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Histogram decode(String base64) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    }

    private static long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a count");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }
}
