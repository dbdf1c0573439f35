package store.traffictacos.capacity.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.BackendContract;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@DisplayName("Bad input answers the error envelope, never a stack trace")
class BadInputContractTest extends BackendContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 1024;

    @Override
    protected TargetConfig config() {
        return TargetConfig.defaults().withMaxBodyBytes(MAX_BODY_BYTES);
    }

    @Test
    @DisplayName(
            "malformed JSON answers 400 INVALID_REQUEST in the envelope {error:{code,message,trace_id}} with trace_id = X-Request-ID")
    void malformedJson() {
        // When
        Reply reply = api.post("/api/v1/queue/join", "{\"event_id\": ", "X-Request-ID", "trace-malformed-1");

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().size()).as("only the error member").isEqualTo(1);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("trace_id").asText()).isEqualTo("trace-malformed-1");
    }

    @Test
    @DisplayName("an error without X-Request-ID has an empty trace_id")
    void traceIdEmptyWithoutRequestId() {
        // When
        Reply reply = api.post("/api/v1/queue/join", "{oops");

        // Then
        assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(reply.json().path("error").has("trace_id")).isTrue();
        assertThat(reply.json().path("error").path("trace_id").asText()).isEmpty();
    }

    @Test
    @DisplayName("a JSON array where an object is expected answers 400 INVALID_REQUEST")
    void jsonArrayBody() {
        // When
        Reply join = api.post("/api/v1/queue/join", "[{\"event_id\":\"evt_1\"}]");
        Reply hold = api.post("/api/v1/reservations", "[]");

        // Then
        assertThat(join.status()).isEqualTo(400);
        assertThat(join.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(hold.status()).isEqualTo(400);
        assertThat(hold.errorCode()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    @DisplayName("a field of the wrong JSON type answers 400 INVALID_REQUEST")
    void wrongFieldTypes() {
        // When
        Reply eventNumber = api.post("/api/v1/queue/join", "{\"event_id\":42}");
        Reply seatsString = api.post("/api/v1/reservations", "{\"event_id\":\"evt_1\",\"seat_ids\":\"S1\"}");
        Reply quantityText = api.post("/api/v1/reservations", "{\"event_id\":\"evt_1\",\"quantity\":\"two\"}");

        // Then
        assertThat(List.of(eventNumber, seatsString, quantityText)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
        });
    }

    @Test
    @DisplayName("an unknown route answers 404 NOT_FOUND in the error envelope")
    void unknownRoute() {
        // When
        Reply reply = api.get("/api/v1/nothing-here", "X-Request-ID", "trace-404");

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
        assertThat(reply.json().path("error").path("trace_id").asText()).isEqualTo("trace-404");
    }

    @Test
    @DisplayName("a known path with the wrong method answers 405 in the error envelope")
    void wrongMethod() {
        // When
        Reply literal = api.get("/api/v1/queue/join", "X-Request-ID", "trace-405");
        Reply patterned = api.delete("/api/v1/reservations/r-1");

        // Then
        assertThat(literal.status()).isEqualTo(405);
        assertThat(literal.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(literal.json().path("error").path("trace_id").asText()).isEqualTo("trace-405");
        assertThat(patterned.status()).isEqualTo(405);
        assertThat(patterned.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    @DisplayName(
            "a body larger than max-body-bytes answers 413 PAYLOAD_TOO_LARGE in the envelope and closes the connection")
    void bodyTooLarge() throws IOException {
        // Given a body of 2 KiB against a 1 KiB limit
        String body = "{\"event_id\":\"" + "x".repeat(2 * MAX_BODY_BYTES) + "\"}";

        // When (HttpClient sends the whole body and reads the answer before the target closes)
        Reply reply = api.post("/api/v1/queue/join", body);

        // Then
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
        assertThat(reply.json().path("error").has("trace_id")).isTrue();
        assertThat(reply.header("Connection")).isEqualTo("close");
    }

    @Test
    @DisplayName("a body larger than max-body-bytes answers 413 also on a raw socket, read by its status line")
    void bodyTooLargeRawSocket() throws IOException {
        // Given
        String body = "{\"event_id\":\"" + "x".repeat(2 * MAX_BODY_BYTES) + "\"}";

        // When
        RawReply reply = raw("POST /api/v1/queue/join HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n"
                + "Idempotency-Key: 3f0b7b2e-6a55-4a6e-9a1b-1c2d3e4f5a6b\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body);

        // Then
        assertThat(reply.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(JSON.readTree(reply.body()).path("error").path("code").asText())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    @DisplayName("the 413 envelope echoes X-Request-ID as trace_id, like every other error")
    void bodyTooLargeEchoesTraceId() {
        // When
        Reply reply = api.post(
                "/api/v1/queue/join",
                "{\"event_id\":\"" + "x".repeat(2 * MAX_BODY_BYTES) + "\"}",
                "X-Request-ID",
                "trace-413");

        // Then
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("error").path("trace_id").asText()).isEqualTo("trace-413");
    }

    @Test
    @DisplayName("a body of exactly max-body-bytes is accepted")
    void bodyAtLimit() {
        // Given a JSON object padded with spaces to exactly 1 KiB
        String json = "{\"event_id\":\"evt_1\"}";
        String body = json.substring(0, json.length() - 1) + " ".repeat(MAX_BODY_BYTES - json.length()) + "}";
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY_BYTES);

        // When
        Reply reply = api.post("/api/v1/queue/join", body);

        // Then
        assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    @DisplayName(
            "a malformed percent-escape in the path or query answers 400 INVALID_REQUEST, not a dropped connection")
    void malformedPercentEscape() throws IOException {
        // When
        RawReply path = raw("GET /api/v1/reservations/%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Authorization: Bearer load-test-bypass-token\r\n"
                + "X-Load-Test: true\r\n"
                + "Connection: close\r\n"
                + "\r\n");
        RawReply query = raw("GET /api/v1/queue/status?token=%E0%A4%A HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "Connection: close\r\n"
                + "\r\n");

        // Then
        assertThat(path.statusLine()).as("path").startsWith("HTTP/1.1 400");
        assertThat(JSON.readTree(path.body()).path("error").path("code").asText())
                .isEqualTo("INVALID_REQUEST");
        assertThat(query.statusLine()).as("query").startsWith("HTTP/1.1 400");
        assertThat(JSON.readTree(query.body()).path("error").path("code").asText())
                .isEqualTo("INVALID_REQUEST");
    }

    @Test
    @DisplayName("no error body ever carries an exception name or a stack frame")
    void noStackTraces() throws IOException {
        // Given a spread of bad requests
        List<String> bodies = new ArrayList<>();
        bodies.add(api.post("/api/v1/queue/join", "{\"event_id\": ").raw().body());
        bodies.add(api.post("/api/v1/queue/join", "[1,2,3]").raw().body());
        bodies.add(api.post("/api/v1/queue/join", "{\"event_id\":\"evt_1\"} trailing")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/queue/join", "[".repeat(5_000)).raw().body());
        bodies.add(api.post("/api/v1/queue/join", "\"just a string\"").raw().body());
        bodies.add(api.post("/api/v1/queue/join", "{\"event_id\":{\"nested\":true}}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/reservations", "{\"event_id\":\"evt_1\",\"quantity\":1e400}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/reservations", "{\"event_id\":\"evt_1\",\"seat_ids\":[null,1]}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/reservations", "{\"event_id\":\"evt_1\",\"quantity\":99999999999999999999}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/payment/intent", "{\"reservation_id\":\"r\",\"amount\":99999999999999999999999}")
                .raw()
                .body());
        bodies.add(api.post(
                        "/api/v1/payment/intent",
                        "{\"reservation_id\":\"r\",\"amount\":1000,\"webhook_url\":\"ht tp://bad url\"}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/payment/process", "{\"payment_intent_id\":[],\"action\":\"approve\"}")
                .raw()
                .body());
        bodies.add(api.post("/api/v1/queue/join", Map.of("event_id", "evt_1"), "Idempotency-Key", "not-a-uuid")
                .raw()
                .body());
        bodies.add(api.get("/api/v1/reservations/x", "Authorization", "Bearer a.b.c")
                .raw()
                .body());
        bodies.add(api.get("/api/v1/nothing-here").raw().body());
        bodies.add(api.get("/api/v1/queue/join").raw().body());
        bodies.add(
                raw("GET /api/v1/queue/status?token=%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .body());
        bodies.add(raw("POST /api/v1/queue/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000\r\n"
                        + "Idempotency-Key: 3f0b7b2e-6a55-4a6e-9a1b-1c2d3e4f5a6b\r\n\r\n" + "{".repeat(2000))
                .body());
        bodies.add(raw("GET /api/v1/reservations/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .body());

        // Then
        assertThat(bodies)
                .allSatisfy(body -> assertThat(body)
                        .doesNotContain("Exception")
                        .doesNotContain("at store.")
                        .doesNotContain("at java.")
                        .doesNotContain("at io.netty"));
    }

    /** A response read off a raw socket: the status line and the body after the headers. */
    record RawReply(String statusLine, String body) {}

    /** Writes {@code request} on a fresh socket and reads until the target closes it (or 5 s pass). */
    private RawReply raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.target.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received.write(buffer, 0, n);
                    if (complete(received.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // whatever arrived is the answer
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String statusLine = text.isEmpty() ? "" : text.substring(0, Math.max(0, text.indexOf("\r\n")));
            return new RawReply(statusLine, end < 0 ? "" : text.substring(end + 4));
        }
    }

    /** Whether a whole response with a Content-Length body has arrived. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return text.length() - end - 4
                        >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }
}
