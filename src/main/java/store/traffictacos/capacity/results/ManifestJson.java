package store.traffictacos.capacity.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The shape of {@code manifest.json}: the format, the {@link Manifest}'s fields under their own names,
 * then what the runner recorded ({@link Recorded}), then {@code stoppedEarly}, last since it came last in
 * the first files of this format. The manifest's {@code scheduledPerSecond} is not written as such: it is
 * the {@code scheduled} column of {@code seconds}, next to what the runner sent. A phase without
 * {@code judged} (written before phases could be left unjudged) is judged.
 */
final class ManifestJson {
    static final String FORMAT = "tacos-results/1";

    private static final String FORMAT_FIELD = "format";
    private static final String SCHEDULED_FIELD = "scheduledPerSecond";
    private static final String STOPPED_EARLY_FIELD = "stoppedEarly";
    /** Added to the format compatibly: files without it read as a runner that recorded no transport. */
    private static final String TRANSPORT_FIELD = "transport";

    private static final String PHASES_FIELD = "phases";
    private static final String JUDGED_FIELD = "judged";

    private ManifestJson() {}

    /** What the file holds besides the manifest. */
    record Recorded(List<SecondCounts> seconds, List<CpuReading> runnerCpu, Totals totals) {
        static Recorded of(Manifest manifest, Snapshot snapshot) {
            long[] scheduled = manifest.scheduledPerSecond();
            long[] sent = snapshot.sentPerSecond();
            List<SecondCounts> seconds = new ArrayList<>();
            for (int second = 0; second < Math.max(scheduled.length, sent.length); second++) {
                seconds.add(new SecondCounts(second, valueAt(scheduled, second), valueAt(sent, second)));
            }
            double[] cpu = snapshot.cpuPerSecond();
            List<CpuReading> readings = new ArrayList<>();
            for (int second = 0; second < cpu.length; second++) {
                if (!Double.isNaN(cpu[second])) {
                    readings.add(new CpuReading(second, cpu[second]));
                }
            }
            return new Recorded(seconds, readings, Totals.of(snapshot.series()));
        }

        long[] scheduledPerSecond() {
            return column(SecondCounts::scheduled);
        }

        long[] sentPerSecond() {
            return column(SecondCounts::sent);
        }

        double[] cpuPerSecond() {
            int length = Math.max(
                    seconds.size(),
                    runnerCpu.stream()
                            .mapToInt(reading -> Math.toIntExact(reading.second() + 1))
                            .max()
                            .orElse(0));
            double[] cpu = new double[length];
            Arrays.fill(cpu, Double.NaN);
            runnerCpu.forEach(reading -> cpu[Math.toIntExact(reading.second())] = reading.busy());
            return cpu;
        }

        private long[] column(ToLongFunction<SecondCounts> field) {
            long[] values = new long[seconds.size()];
            for (int i = 0; i < values.length; i++) {
                if (seconds.get(i).second() != i) {
                    throw new IllegalArgumentException("seconds[" + i + "] is second "
                            + seconds.get(i).second() + "; seconds must list 0, 1, 2, ... in order");
                }
                values[i] = field.applyAsLong(seconds.get(i));
            }
            return values;
        }

        private static long valueAt(long[] values, int index) {
            return index < values.length ? values[index] : 0;
        }
    }

    record SecondCounts(long second, long scheduled, long sent) {}

    /** The runner's busiest CPU share (0..1 of its cores) in a second; seconds without a reading are left out. */
    record CpuReading(long second, double busy) {}

    /** Responses in {@code results.hlog}: all, by endpoint and by outcome. */
    record Totals(long requests, Map<String, Long> byEndpoint, Map<String, Long> byOutcome) {
        static Totals of(Map<SeriesKey, LatencyCounts> series) {
            SortedMap<String, Long> byEndpoint = new TreeMap<>();
            SortedMap<String, Long> byOutcome = new TreeMap<>();
            long requests = 0;
            for (Map.Entry<SeriesKey, LatencyCounts> entry : series.entrySet()) {
                long count = entry.getValue().totalCount();
                requests += count;
                byEndpoint.merge(entry.getKey().endpoint(), count, Long::sum);
                byOutcome.merge(entry.getKey().outcome(), count, Long::sum);
            }
            return new Totals(requests, byEndpoint, byOutcome);
        }
    }

    /** How the runner reached the target and what its connections did, second by second. */
    record Transport(
            String httpVersion,
            long requestTimeoutMs,
            int inFlightLimit,
            String inFlightReasoning,
            long warmUpConnectionsOpened,
            List<ConnectionCounts> seconds) {
        static Transport of(RunnerTransport transport, Snapshot.Connections connections) {
            long[] opened = connections.openedPerSecond();
            long[] inFlight = connections.peakInFlightPerSecond();
            List<ConnectionCounts> seconds = new ArrayList<>();
            for (int second = 0; second < Math.max(opened.length, inFlight.length); second++) {
                seconds.add(new ConnectionCounts(
                        second, valueAt(opened, second, 0), second < inFlight.length ? inFlight[second] : -1));
            }
            return new Transport(
                    transport.httpVersion(),
                    transport.requestTimeoutMs(),
                    transport.inFlightLimit(),
                    transport.inFlightReasoning(),
                    transport.warmUpConnectionsOpened(),
                    seconds);
        }

        RunnerTransport settings() {
            return new RunnerTransport(
                    httpVersion, requestTimeoutMs, inFlightLimit, inFlightReasoning, warmUpConnectionsOpened);
        }

        Snapshot.Connections connections() {
            long[] opened = new long[seconds.size()];
            long[] inFlight = new long[seconds.size()];
            for (int i = 0; i < opened.length; i++) {
                if (seconds.get(i).second() != i) {
                    throw new IllegalArgumentException("transport.seconds[" + i + "] is second "
                            + seconds.get(i).second() + "; seconds must list 0, 1, 2, ... in order");
                }
                opened[i] = seconds.get(i).connectionsOpened();
                inFlight[i] = seconds.get(i).peakInFlight();
            }
            return new Snapshot.Connections(opened, inFlight);
        }

        private static long valueAt(long[] values, int index, long fallback) {
            return index < values.length ? values[index] : fallback;
        }
    }

    /** Connections the runner opened in a second, and the most requests it had outstanding then (-1: not read). */
    record ConnectionCounts(long second, long connectionsOpened, long peakInFlight) {}

    /** The file's transport block; null for a file written before it existed or by a runner that had none. */
    static Transport transport(ObjectMapper json, JsonNode file) throws IOException {
        JsonNode node = file.get(TRANSPORT_FIELD);
        return node == null || node.isNull() ? null : json.treeToValue(node, Transport.class);
    }

    static ObjectNode write(ObjectMapper json, Manifest manifest, Snapshot snapshot, RunnerTransport transport) {
        ObjectNode file = write(json, manifest, snapshot);
        if (transport != null) {
            JsonNode stoppedEarly = file.remove(STOPPED_EARLY_FIELD);
            file.set(TRANSPORT_FIELD, json.valueToTree(Transport.of(transport, snapshot.connections())));
            file.set(STOPPED_EARLY_FIELD, stoppedEarly);
        }
        return file;
    }

    static ObjectNode write(ObjectMapper json, Manifest manifest, Snapshot snapshot) {
        // A record's fields come in component order, and an ObjectNode keeps the order they are put in.
        ObjectNode fields = json.valueToTree(manifest);
        fields.remove(SCHEDULED_FIELD);
        JsonNode stoppedEarly = fields.remove(STOPPED_EARLY_FIELD);
        ObjectNode file = json.createObjectNode().put(FORMAT_FIELD, FORMAT);
        file.setAll(fields);
        file.setAll((ObjectNode) json.valueToTree(Recorded.of(manifest, snapshot)));
        file.set(STOPPED_EARLY_FIELD, stoppedEarly);
        return file;
    }

    /** The file's format version; empty when it names none. */
    static String format(JsonNode file) {
        return file.path(FORMAT_FIELD).asText();
    }

    static Recorded recorded(ObjectMapper json, JsonNode file) throws IOException {
        return json.treeToValue(file, Recorded.class);
    }

    /** The manifest in {@code file}, whose scheduled requests per second are in {@code recorded}. */
    static Manifest manifest(ObjectMapper json, JsonNode file, Recorded recorded) throws IOException {
        ObjectNode fields = file.deepCopy();
        fields.set(SCHEDULED_FIELD, json.valueToTree(recorded.scheduledPerSecond()));
        for (JsonNode phase : fields.path(PHASES_FIELD)) {
            if (phase instanceof ObjectNode written && !written.has(JUDGED_FIELD)) {
                written.put(JUDGED_FIELD, true);
            }
        }
        try {
            return json.treeToValue(fields, Manifest.class);
        } catch (ValueInstantiationException e) {
            // The manifest's own check (e.g. a runner index out of range) says it in one line.
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw e;
        }
    }
}
