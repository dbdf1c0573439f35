package store.traffictacos.capacity.results.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A runner's {@link Ledger} in its results folder, {@value #FILE_NAME}. Runs recorded before it have none,
 * and their report checks no invariant.
 *
 * <pre>{@code
 * {"format": "tacos-invariants/1",
 *  "seats": [{"event": "evt_1", "prefix": "S", "numbers": "<base64 of BitSet.toByteArray()>"}],
 *  "namedSeats": [{"event": "evt_1", "seats": ["VIP"]}],  // seats not named prefix + number
 *  "admitted": "<base64>",   // waiting tokens granted enter: big-endian (msb, lsb, latest enter sent, epoch ms)
 *  "left": "<base64>",       // waiting tokens that left: (msb, lsb, earliest leave answered, epoch ms)
 *  "approved": "<base64>",   // reservations with an approved payment: (msb, lsb, 0)
 *  "seatsPerEvent": 100000,  // the stock of each event when known, else 0 (optional, 0 when absent)
 *  "local": [{"invariant": "seat_sold_once", "observations": 120, "violations": 0, "examples": []}]}
 * }</pre>
 * Ids are 128-bit: a UUID as itself, another string by its name-based UUID.
 */
public final class LedgerFile {
    public static final String FILE_NAME = "invariants.json";
    static final String FORMAT = "tacos-invariants/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerFile() {}

    public static void write(Path runnerDir, Ledger.Data data) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode seats = root.putArray("seats");
        data.seats()
                .numbered
                .forEach((event, prefixes) -> prefixes.forEach((prefix, bits) -> seats.addObject()
                        .put("event", event)
                        .put("prefix", prefix)
                        .put("numbers", Base64.getEncoder().encodeToString(bits.toByteArray()))));
        ArrayNode named = root.putArray("namedSeats");
        data.seats().named.forEach((event, names) -> {
            ObjectNode entry = named.addObject().put("event", event);
            names.forEach(entry.putArray("seats")::add);
        });
        root.put("admitted", data.admitted().encode());
        root.put("left", data.left().encode());
        root.put("approved", data.approved().encode());
        root.put("seatsPerEvent", data.seatsPerEvent());
        ArrayNode local = root.putArray("local");
        for (InvariantResult result : data.local()) {
            ObjectNode entry = local.addObject()
                    .put("invariant", result.invariant().key())
                    .put("observations", result.observations())
                    .put("violations", result.violations());
            result.examples().forEach(entry.putArray("examples")::add);
        }
        Files.createDirectories(runnerDir);
        JSON.writeValue(runnerDir.resolve(FILE_NAME).toFile(), root);
    }

    /**
     * The runner's ledger; empty when the runner left none (recorded before ledgers existed).
     *
     * @throws IOException naming the file when it is damaged or of another format
     */
    public static Optional<Ledger.Data> read(Path runnerDir) throws IOException {
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
            SeatBook seats = new SeatBook();
            for (JsonNode entry : root.path("seats")) {
                seats.numbered
                        .computeIfAbsent(text(entry, "event"), e -> new TreeMap<>())
                        .put(
                                text(entry, "prefix"),
                                BitSet.valueOf(Base64.getDecoder().decode(text(entry, "numbers"))));
            }
            for (JsonNode entry : root.path("namedSeats")) {
                TreeSet<String> names = new TreeSet<>();
                entry.path("seats").forEach(name -> names.add(name.asText()));
                seats.named.put(text(entry, "event"), names);
            }
            List<InvariantResult> local = new ArrayList<>();
            for (JsonNode entry : root.path("local")) {
                List<String> examples = new ArrayList<>();
                entry.path("examples").forEach(example -> examples.add(example.asText()));
                local.add(new InvariantResult(
                        Invariant.ofKey(text(entry, "invariant")),
                        entry.path("observations").asLong(),
                        entry.path("violations").asLong(),
                        examples));
            }
            return Optional.of(new Ledger.Data(
                    seats,
                    IdTable.decode(text(root, "admitted")),
                    IdTable.decode(text(root, "left")),
                    IdTable.decode(text(root, "approved")),
                    root.path("seatsPerEvent").asInt(0),
                    local));
        } catch (IOException | RuntimeException e) {
            throw new IOException(FILE_NAME + " is damaged or not a " + FORMAT + " file: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText();
    }
}
