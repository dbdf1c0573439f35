package store.traffictacos.capacity.emulator.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import store.traffictacos.capacity.emulator.http.Json;

/**
 * Sends the payment simulator's status webhook: a JSON POST signed
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256(body, secret)>}. Delivery is best effort,
 * one attempt, as the simulator's own.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final byte[] secret;

    public WebhookSender(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public void send(PaymentIntent intent, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("payment_id", intent.id());
        event.put("reservation_id", intent.reservationId());
        event.put("status", "PAYMENT_STATUS_" + intent.status().name());
        event.put("amount", intent.amount());
        event.put("currency", intent.currency());
        event.put("timestamp", at.toString());
        event.put("event_type", "payment.status_updated");
        byte[] body = Json.write(event);
        HttpRequest request = HttpRequest.newBuilder(URI.create(intent.webhookUrl()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Signature", "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warn("webhook for payment {} to {} failed: {}", intent.id(), intent.webhookUrl(), error.toString());
            }
        });
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
