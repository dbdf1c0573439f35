package store.traffictacos.capacity.platform.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * CloudWatch's {@code GetMetricData} on 127.0.0.1, in the wire protocol the SDK speaks for it:
 * Smithy RPC v2 CBOR (a POST to {@code /service/GraniteServiceVersion20100801/operation/GetMetricData},
 * {@code application/cbor} bodies, {@code smithy-protocol: rpc-v2-cbor}, timestamps as CBOR tag 1
 * epoch seconds, errors as a body with {@code __type} and {@code message}). It records every request
 * and answers with what the handler makes of the decoded request body.
 */
final class FakeCloudWatch implements AutoCloseable {
    static final String GET_METRIC_DATA_PATH = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = new CBORMapper();

    /** One request as received, at {@code receivedNanos} on {@link System#nanoTime()}. */
    record Request(
            long receivedNanos, String method, String path, String contentType, String smithyProtocol, JsonNode body) {}

    /** An HTTP status and a body: maps, lists, strings, doubles and {@link Instant}s (written as tag 1). */
    record Reply(int status, Map<String, ?> body) {
        static Reply ok(Map<String, ?> body) {
            return new Reply(200, body);
        }

        /** A Smithy RPC v2 CBOR error: the shape id of the error in {@code __type}. */
        static Reply error(int status, String shapeId, String message) {
            return new Reply(status, Map.of("__type", shapeId, "message", message));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Reply> handler;

    FakeCloudWatch(Function<JsonNode, Reply> handler) throws IOException {
        this.handler = handler;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Answers from now on with this handler (CloudWatch has published more datapoints, say). */
    void answer(Function<JsonNode, Reply> next) {
        handler = next;
    }

    /** A port nothing listens on. */
    static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = CBOR.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(
                    System.nanoTime(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("smithy-protocol"),
                    body));
            Reply reply = handler.apply(body);
            byte[] bytes = encode(reply.body());
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = new CBORFactory().createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof Instant instant) {
            generator.writeTag(1);
            generator.writeNumber(instant.toEpochMilli() / 1000.0);
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
