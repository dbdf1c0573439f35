package store.traffictacos.capacity.emulator.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
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
@DisplayName("Payment simulator routes")
class PaymentContractTest extends BackendContract {
    private static final String INTENT = "/api/v1/payment/intent";
    private static final String PROCESS = "/api/v1/payment/process";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A webhook receiver on 127.0.0.1, started by the tests that need one. */
    HttpServer receiver;

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** One webhook POST as it arrived: the signature header and the raw body bytes. */
    record Delivery(String method, String contentType, String signature, byte[] body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @DisplayName("intent answers 200 with payment_intent_id, status PENDING, amount, currency KRW and reservation_id")
    void intentAnswers200() {
        // When
        Reply reply = api.post(INTENT, Map.of("reservation_id", "r-1", "amount", 50_000, "currency", "KRW"));

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.text("payment_intent_id")).isNotBlank();
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.json().path("amount").isIntegralNumber()).isTrue();
        assertThat(reply.json().path("amount").asLong()).isEqualTo(50_000);
        assertThat(reply.text("currency")).isEqualTo("KRW");
        assertThat(reply.text("reservation_id")).isEqualTo("r-1");
    }

    @Test
    @DisplayName("intent without reservation_id answers 400 MISSING_RESERVATION_ID")
    void intentWithoutReservation() {
        // When
        Reply reply = api.post(INTENT, Map.of("amount", 50_000, "currency", "KRW"));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MISSING_RESERVATION_ID");
    }

    @Test
    @DisplayName("intent with an amount of 0, negative, missing or fractional answers 400 INVALID_AMOUNT")
    void intentInvalidAmount() {
        // Given
        List<String> bodies = List.of(
                "{\"reservation_id\":\"r-1\",\"amount\":0,\"currency\":\"KRW\"}",
                "{\"reservation_id\":\"r-1\",\"amount\":-100,\"currency\":\"KRW\"}",
                "{\"reservation_id\":\"r-1\",\"currency\":\"KRW\"}",
                "{\"reservation_id\":\"r-1\",\"amount\":1.5,\"currency\":\"KRW\"}");

        for (String body : bodies) {
            // When
            Reply reply = api.post(INTENT, body);

            // Then
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo("INVALID_AMOUNT");
        }
    }

    @Test
    @DisplayName("status answers PENDING at first and COMPLETED once the 2 s completion delay has passed")
    void statusCompletesAfterDelay() {
        // Given
        String id = intent("r-1", null);

        // When / Then
        Reply pending = api.get("/api/v1/payment/" + id + "/status");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.text("payment_intent_id")).isEqualTo(id);
        assertThat(pending.text("status")).isEqualTo("PENDING");

        api.clock.advance(Duration.ofSeconds(2));
        Reply completed = api.get("/api/v1/payment/" + id + "/status");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("status of an unknown intent answers 404 PAYMENT_NOT_FOUND")
    void statusUnknown() {
        // When
        Reply reply = api.get("/api/v1/payment/00000000-0000-0000-0000-000000000000/status");

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    @DisplayName("process approve answers 200 status COMPLETED and the intent is COMPLETED")
    void processApprove() {
        // Given
        String id = intent("r-1", null);

        // When
        Reply reply = api.post(PROCESS, Map.of("payment_intent_id", id, "action", "approve"));

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("COMPLETED");
        assertThat(reply.text("action")).isEqualTo("approve");
        assertThat(reply.text("message")).isNotBlank();
        assertThat(api.get("/api/v1/payment/" + id + "/status").text("status")).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("process fail answers 200 status FAILED, and the delay does not complete a failed intent")
    void processFail() {
        // Given
        String id = intent("r-1", null);

        // When
        Reply reply = api.post(PROCESS, Map.of("payment_intent_id", id, "action", "fail"));

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("FAILED");
        assertThat(reply.text("action")).isEqualTo("fail");
        api.clock.advance(Duration.ofSeconds(2));
        assertThat(api.get("/api/v1/payment/" + id + "/status").text("status")).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("process with an action other than approve or fail answers 400 INVALID_ACTION")
    void processInvalidAction() {
        // Given
        String id = intent("r-1", null);

        // When
        Reply refund = api.post(PROCESS, Map.of("payment_intent_id", id, "action", "refund"));
        Reply missing = api.post(PROCESS, Map.of("payment_intent_id", id));

        // Then
        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.errorCode()).isEqualTo("INVALID_ACTION");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("INVALID_ACTION");
        assertThat(api.get("/api/v1/payment/" + id + "/status").text("status")).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("process without payment_intent_id answers 400 MISSING_PAYMENT_INTENT_ID")
    void processWithoutIntent() {
        // When
        Reply reply = api.post(PROCESS, Map.of("action", "approve"));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MISSING_PAYMENT_INTENT_ID");
    }

    @Test
    @DisplayName("process of an unknown intent answers 404 PAYMENT_NOT_FOUND")
    void processUnknown() {
        // When
        Reply reply = api.post(
                PROCESS, Map.of("payment_intent_id", "00000000-0000-0000-0000-000000000000", "action", "approve"));

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    @DisplayName("approving an intent POSTs the status webhook, signed sha256=hex(HMAC-SHA256(body, secret))")
    void webhookOnApprove() throws Exception {
        // Given a receiver and an intent that names it
        String url = startReceiver();
        String id = intent("r-1", url);

        // When
        api.post(PROCESS, Map.of("payment_intent_id", id, "action", "approve"));

        // Then the receiver gets one POST
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 1);
        Delivery delivery = deliveries.get(0);
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.contentType()).startsWith("application/json");

        // And its body carries the settlement
        JsonNode event = delivery.json();
        assertThat(event.path("payment_id").asText()).isEqualTo(id);
        assertThat(event.path("reservation_id").asText()).isEqualTo("r-1");
        assertThat(event.path("status").asText()).isEqualTo("PAYMENT_STATUS_COMPLETED");
        assertThat(event.path("amount").asLong()).isEqualTo(50_000);
        assertThat(event.path("currency").asText()).isEqualTo("KRW");
        assertThat(Instant.parse(event.path("timestamp").asText())).isEqualTo(api.clock.instant());
        assertThat(event.path("event_type").asText()).isEqualTo("payment.status_updated");

        // And the signature verifies over the raw body bytes
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.body()));
    }

    @Test
    @DisplayName("a webhook body changed after signing does not verify against its signature")
    void tamperedWebhookDoesNotVerify() throws Exception {
        // Given a received webhook
        String url = startReceiver();
        String id = intent("r-1", url);
        api.post(PROCESS, Map.of("payment_intent_id", id, "action", "approve"));
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 1);
        Delivery delivery = deliveries.get(0);

        // When its amount is changed
        String original = new String(delivery.body(), StandardCharsets.UTF_8);
        String tampered = original.replace("\"amount\":50000", "\"amount\":1");
        assertThat(tampered).isNotEqualTo(original);

        // Then the signature matches the original only
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.body()));
        assertThat(delivery.signature()).isNotEqualTo("sha256=" + hmac(tampered.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("failing an intent POSTs the webhook with status PAYMENT_STATUS_FAILED")
    void webhookOnFail() throws Exception {
        // Given
        String url = startReceiver();
        String id = intent("r-1", url);

        // When
        api.post(PROCESS, Map.of("payment_intent_id", id, "action", "fail"));

        // Then
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 1);
        Delivery delivery = deliveries.get(0);
        assertThat(delivery.json().path("status").asText()).isEqualTo("PAYMENT_STATUS_FAILED");
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.body()));
    }

    @Test
    @DisplayName("an intent completed by the delay alone fires its webhook exactly once")
    void webhookOnceWhenDelayCompletes() throws Exception {
        // Given a 200 ms completion delay on real time, and an intent with a webhook
        restartWith(TargetConfig.defaults().withPaymentDelay(Duration.ofMillis(200)));
        String url = startReceiver();
        String id = intent("r-1", url);

        // When nobody approves it
        await().atMost(Duration.ofSeconds(5)).until(() -> !deliveries.isEmpty());

        // Then the webhook says COMPLETED
        assertThat(deliveries.get(0).json().path("payment_id").asText()).isEqualTo(id);
        assertThat(deliveries.get(0).json().path("status").asText()).isEqualTo("PAYMENT_STATUS_COMPLETED");
        assertThat(deliveries.get(0).signature())
                .isEqualTo("sha256=" + hmac(deliveries.get(0).body()));

        // And reading, approving or the delay passing on the clock again sends no second one
        api.clock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/api/v1/payment/" + id + "/status").text("status")).isEqualTo("COMPLETED");
        Reply approve = api.post(PROCESS, Map.of("payment_intent_id", id, "action", "approve"));
        assertThat(approve.text("status")).isEqualTo("COMPLETED");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> deliveries.size() == 1);
    }

    /** Creates an intent of 50,000 KRW for {@code reservationId}; {@code webhookUrl} may be null. */
    private String intent(String reservationId, String webhookUrl) {
        Map<String, Object> body = webhookUrl == null
                ? Map.of("reservation_id", reservationId, "amount", 50_000, "currency", "KRW")
                : Map.of(
                        "reservation_id",
                        reservationId,
                        "amount",
                        50_000,
                        "currency",
                        "KRW",
                        "webhook_url",
                        webhookUrl);
        Reply reply = api.post(INTENT, body);
        assertThat(reply.status()).as("payment intent").isEqualTo(200);
        return reply.text("payment_intent_id");
    }

    /** Starts the webhook receiver on a free 127.0.0.1 port; returns the URL to give the target. */
    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                deliveries.add(new Delivery(
                        exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-Webhook-Signature"),
                        in.readAllBytes()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook";
    }

    /** The expected signature, computed here independently of the production signer. */
    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TargetConfig.DEFAULT_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
