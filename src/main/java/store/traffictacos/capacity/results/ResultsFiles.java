package store.traffictacos.capacity.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads one runner's results directory.
 *
 * <h2>Format {@code tacos-results/1}</h2>
 *
 * A runner directory holds two files. {@code manifest.json} is written last, so a directory
 * without it is an incomplete write.
 *
 * <h3>{@code results.hlog}</h3>
 * A standard HdrHistogram interval log (log format 1.3, {@code HistogramLogWriter}), readable by
 * any HdrHistogram tool, e.g. {@code HistogramLogReader} or HistogramLogAnalyzer:
 * <ul>
 *   <li>{@code #} comment lines describing the file, then {@code #[StartTime: s]} and
 *       {@code #[BaseTime: s]}, both the run's {@code startEpochMs / 1000.0}.</li>
 *   <li>One interval line per series (second, endpoint, outcome) that has at least one response,
 *       ordered by second, endpoint, outcome:
 *       {@code Tag=endpoint=<e>;outcome=<o>,<second>.000,1.000,<max ms>,<base64 histogram>}.
 *       The interval start is the second since the start in which the requests were
 *       <em>sent</em>; the length is always 1 s.</li>
 *   <li>Histogram values are response times in <b>microseconds</b>, 3 significant digits,
 *       lowest discernible value 1 µs. The {@code Interval_Max} column alone is in milliseconds,
 *       for people reading the file.</li>
 *   <li>Tags: endpoint and outcome are percent-encoded so that no space, comma, line break,
 *       {@code ;} or {@code =} reaches the log: every UTF-8 byte outside {@code 0x21..0x7E}, and
 *       {@code % , ; =}, becomes {@code %XX}. {@code "POST /r/{id}"} is written
 *       {@code POST%20/r/{id}}.</li>
 * </ul>
 *
 * <h3>{@code manifest.json}</h3>
 * <pre>{@code
 * {"format": "tacos-results/1",           // bumped on any change an old reader would misread
 *  "runId": "...", "runnerIndex": 0, "runnerCount": 4, "profile": "...",
 *  "startEpochMs": ..., "endEpochMs": ...,  // epoch milliseconds; second 0 starts at startEpochMs
 *  "gatlingVersion": "...", "targetUrl": "...",
 *  "phases": [{"name", "startEpochMs", "endEpochMs", "fromRps", "toRps"}],
 *  "seconds": [{"second": 0, "scheduled": 123, "sent": 120}, ...],  // every second from 0, this runner only
 *  "runnerCpu": [{"second": 0, "busy": 0.42}, ...],  // the runner's busiest CPU share (0..1 of its cores) per second, where taken
 *  "totals": {"requests": N, "byEndpoint": {...}, "byOutcome": {...}},  // responses in results.hlog
 *  "stoppedEarly": null}  // or why the runner stopped before its profile's end (its results end there)
 * }</pre>
 * Readers ignore fields they do not know and require all the fields above. {@code totals} is
 * redundant with the log and is checked against it on reading, which catches truncated logs.
 *
 * <h3>Merging</h3>
 * Runners share the run's start instant, so second {@code s} of every runner is the same wall
 * clock second: add the histograms of equal (second, endpoint, outcome) with
 * {@code Histogram.add}, and add {@code scheduled} and {@code sent} per second. Addition of HDR
 * histograms with equal precision is exact, so any percentile of the merge equals that of one
 * histogram that had recorded all samples. See {@link MergedResults}.
 */
public final class ResultsFiles {
    public static final String LOG_FILE = "results.hlog";
    public static final String MANIFEST_FILE = "manifest.json";

    /** The {@code Interval_Max} column is shown in ms while values are µs. */
    private static final double MAX_COLUMN_MICROS_PER_UNIT = 1000.0;

    private static final List<String> LOG_HEADER = List.of(
            "tacos-results/1 latency log; run, runner and per-second counts are in manifest.json",
            "one interval per (second of sending, endpoint, outcome); interval start = seconds since StartTime",
            "values: response time in microseconds, 3 significant digits; Interval_Max column in milliseconds",
            "Tag=endpoint=<e>;outcome=<o>, values percent-encoded UTF-8 (bytes outside 0x21-0x7E and % , ; =)");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsFiles() {}

    /** Writes {@code results.hlog}, then {@code manifest.json}, into {@code runnerDir} (created if needed). */
    public static void write(Path runnerDir, Manifest manifest, Snapshot snapshot) throws IOException {
        write(runnerDir, manifest, snapshot, null);
    }

    /**
     * The same, with how the runner reached the target and its connections per second in {@code transport}.
     *
     * @param transport null: none recorded (the block is left out)
     */
    public static void write(Path runnerDir, Manifest manifest, Snapshot snapshot, @Nullable RunnerTransport transport)
            throws IOException {
        if (manifest.startEpochMs() != snapshot.startEpochMs()) {
            throw new IllegalArgumentException("manifest starts at " + manifest.startEpochMs() + " but the recorder at "
                    + snapshot.startEpochMs());
        }
        Files.createDirectories(runnerDir);
        writeLog(runnerDir.resolve(LOG_FILE), manifest.startEpochMs(), snapshot.series());
        JSON.writeValue(
                runnerDir.resolve(MANIFEST_FILE).toFile(), ManifestJson.write(JSON, manifest, snapshot, transport));
    }

    /**
     * Reads a runner directory written by {@link #write}.
     *
     * @throws IOException if a file is missing, unreadable, of another format, or the log does not
     *     match the manifest's totals; the message names the file, the caller the folder
     */
    public static RunnerResults read(Path runnerDir) throws IOException {
        JsonNode file;
        try {
            file = JSON.readTree(runnerDir.resolve(MANIFEST_FILE).toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(MANIFEST_FILE + " is not JSON (damaged or cut short): " + firstClause(e), e);
        }
        String format = ManifestJson.format(file);
        if (!ManifestJson.FORMAT.equals(format)) {
            throw new IOException(MANIFEST_FILE + ": format '" + format + "' is not " + ManifestJson.FORMAT);
        }
        try {
            ManifestJson.Recorded recorded = ManifestJson.recorded(JSON, file);
            ManifestJson.Transport transport = ManifestJson.transport(JSON, file);
            Manifest manifest = ManifestJson.manifest(JSON, file, recorded);
            SortedMap<SeriesKey, LatencyCounts> series = readLog(runnerDir.resolve(LOG_FILE), manifest.startEpochMs());
            ManifestJson.Totals inLog = ManifestJson.Totals.of(series);
            if (!inLog.equals(recorded.totals())) {
                throw new IOException(LOG_FILE + " holds " + inLog.requests() + " requests but "
                        + MANIFEST_FILE + " says " + recorded.totals().requests() + " (by endpoint "
                        + inLog.byEndpoint()
                        + " against " + recorded.totals().byEndpoint() + "): cut short, or files of different runs");
            }
            return new RunnerResults(
                    manifest,
                    new Snapshot(
                            manifest.startEpochMs(),
                            series,
                            recorded.sentPerSecond(),
                            recorded.cpuPerSecond(),
                            transport == null ? Snapshot.Connections.NONE : transport.connections()),
                    transport == null ? null : transport.settings());
        } catch (JsonProcessingException e) {
            throw new IOException(
                    MANIFEST_FILE + " is not a " + ManifestJson.FORMAT + " manifest: " + firstClause(e), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(MANIFEST_FILE + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's own words, without its location dump and feature hints. */
    private static String firstClause(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String line = message.lines().findFirst().orElse(message);
        int hint = line.indexOf(';');
        return hint > 0 ? line.substring(0, hint) : line;
    }

    private static void writeLog(Path path, long startEpochMs, Map<SeriesKey, LatencyCounts> series)
            throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(path), false, StandardCharsets.US_ASCII)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            LOG_HEADER.forEach(log::outputComment);
            log.outputStartTime(startEpochMs);
            log.outputBaseTime(startEpochMs);
            log.outputLegend();
            // One flat histogram reused for every series: it only grows to the largest one.
            Histogram interval = Histograms.newHistogram();
            for (Map.Entry<SeriesKey, LatencyCounts> entry : series.entrySet()) {
                SeriesKey key = entry.getKey();
                interval.reset();
                entry.getValue().addTo(interval);
                interval.setTag(SeriesTag.encode(key.endpoint(), key.outcome()));
                log.outputIntervalHistogram(key.second(), key.second() + 1, interval, MAX_COLUMN_MICROS_PER_UNIT);
            }
            // PrintStream swallows write errors; this is where a full disk shows.
            if (out.checkError()) {
                throw new IOException("could not write " + path);
            }
        }
    }

    /** The log's next interval; a line the reader cannot decode is the file's damage, said as such. */
    private static EncodableHistogram nextInterval(HistogramLogReader log) {
        try {
            return log.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    LOG_FILE + " is damaged: a line is not a histogram interval (cut short or edited?)", e);
        }
    }

    private static SortedMap<SeriesKey, LatencyCounts> readLog(Path path, long startEpochMs) throws IOException {
        SortedMap<SeriesKey, LatencyCounts> series = new TreeMap<>();
        try (HistogramLogReader log = new HistogramLogReader(path.toFile())) {
            for (EncodableHistogram read = nextInterval(log); read != null; read = nextInterval(log)) {
                if (!(read instanceof Histogram histogram)) {
                    throw new IOException(LOG_FILE + " holds a non-integer histogram");
                }
                // The reader rebuilds absolute ms from "%.3f" seconds and truncates; round to the second.
                long second = Math.round((histogram.getStartTimeStamp() - startEpochMs) / 1000.0);
                SeriesKey key = seriesKey(second, histogram.getTag());
                // Decoded histograms are flat, tens of KB each: keep only the compact counts.
                if (series.put(key, LatencyCounts.of(histogram)) != null) {
                    throw new IOException(LOG_FILE + " holds " + key + " twice");
                }
            }
        }
        return series;
    }

    private static SeriesKey seriesKey(long second, String tag) throws IOException {
        try {
            return SeriesTag.decode(second, tag);
        } catch (IllegalArgumentException e) {
            throw new IOException(LOG_FILE + ": " + e.getMessage(), e);
        }
    }
}
