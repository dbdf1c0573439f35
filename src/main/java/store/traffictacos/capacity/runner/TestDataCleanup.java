package store.traffictacos.capacity.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The platform's test data deleted after a run ({@code POST /api/v1/admin/flush-test-data}: queues,
 * idempotency records, dedupe, heartbeats, rate-limit buckets), so that the next run starts clean, and what
 * the platform said it deleted, kept in the run folder ({@link RunFolder#cleanupFile()}) for the report. A
 * cleanup that fails is a warning with its reason: it never fails the run, nor hides its verdict.
 *
 * @param totalDeletedKeys the platform's {@code total_deleted_keys}; null when the cleanup failed
 * @param deletedByPattern its {@code deleted_by_pattern}
 * @param warning why the cleanup failed; null when it did not
 */
public record TestDataCleanup(
        @Nullable Long totalDeletedKeys,
        Map<String, Long> deletedByPattern,
        @Nullable String warning) {
    static final String PATH = "/api/v1/admin/flush-test-data";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    public TestDataCleanup {
        deletedByPattern = Map.copyOf(deletedByPattern);
    }

    public static TestDataCleanup failed(String warning) {
        return new TestDataCleanup(null, Map.of(), warning);
    }

    /** Asks {@code target} to delete its test data; never throws (a failure is the result's warning). */
    public static TestDataCleanup flush(URI target, SSLContext tls) {
        HttpClient client =
                HttpClient.newBuilder().sslContext(tls).connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(target.resolve(PATH))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return failed("POST " + PATH + " answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            if (!body.path("total_deleted_keys").canConvertToLong()) {
                return failed("POST " + PATH + " answered without total_deleted_keys");
            }
            Map<String, Long> byPattern = new TreeMap<>();
            body.path("deleted_by_pattern")
                    .fields()
                    .forEachRemaining(entry ->
                            byPattern.put(entry.getKey(), entry.getValue().asLong()));
            return new TestDataCleanup(body.path("total_deleted_keys").asLong(), byPattern, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("POST " + PATH + " interrupted");
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failed(
                    "POST " + PATH + " failed: " + reason.lines().findFirst().orElse(reason));
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    /** The cleanup of a run folder's run; empty when none was made. */
    public static Optional<TestDataCleanup> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), TestDataCleanup.class));
    }

    /** One line for the console and the report. */
    public String summary() {
        if (warning != null) {
            return "test data not cleaned up: " + warning;
        }
        return "test data cleaned up: " + totalDeletedKeys + " keys deleted"
                + (deletedByPattern.isEmpty() ? "" : " " + deletedByPattern);
    }
}
