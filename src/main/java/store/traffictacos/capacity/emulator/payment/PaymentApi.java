package store.traffictacos.capacity.emulator.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;
import store.traffictacos.capacity.emulator.http.Json;
import store.traffictacos.capacity.emulator.http.Route;

/** The payment routes: intent, status, process. */
public final class PaymentApi {
    private final PaymentSimulator simulator;

    public PaymentApi(PaymentSimulator simulator) {
        this.simulator = simulator;
    }

    public List<Route> routes() {
        return List.of(
                Route.authenticated("POST", "/api/v1/payment/intent", (request, user) -> createIntent(request)),
                Route.authenticated("GET", "/api/v1/payment/{id}/status", (request, user) -> status(request)),
                Route.authenticated("POST", "/api/v1/payment/process", (request, user) -> process(request)));
    }

    private ApiResponse createIntent(ApiRequest request) {
        ObjectNode body = Json.object(request.body());
        String reservationId = Json.text(body, "reservation_id");
        if (reservationId == null) {
            throw ApiException.badRequest("MISSING_RESERVATION_ID", "reservation_id is required");
        }
        JsonNode amount = body.path("amount");
        if (!amount.canConvertToExactIntegral() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw ApiException.badRequest("INVALID_AMOUNT", "amount must be a positive whole number");
        }
        String currency = Json.text(body, "currency");
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw ApiException.badRequest("INVALID_REQUEST", "currency must be an ISO 4217 code");
        }
        PaymentIntent intent = simulator.create(
                reservationId,
                amount.asLong(),
                currency == null ? "KRW" : currency,
                webhookUrl(Json.text(body, "webhook_url")));
        return ApiResponse.json(200, view(intent));
    }

    private static String webhookUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_REQUEST", "webhook_url must be an http(s) URL");
    }

    private ApiResponse status(ApiRequest request) {
        PaymentIntent intent = simulator.current(request.pathParam("id")).orElseThrow(PaymentApi::notFound);
        return ApiResponse.json(200, view(intent));
    }

    private ApiResponse process(ApiRequest request) {
        ObjectNode body = Json.object(request.body());
        String intentId = Json.text(body, "payment_intent_id");
        if (intentId == null) {
            throw ApiException.badRequest("MISSING_PAYMENT_INTENT_ID", "payment_intent_id is required");
        }
        String action = Json.text(body, "action");
        PaymentIntent.Status target;
        if ("approve".equals(action)) {
            target = PaymentIntent.Status.COMPLETED;
        } else if ("fail".equals(action)) {
            target = PaymentIntent.Status.FAILED;
        } else {
            throw ApiException.badRequest("INVALID_ACTION", "action must be 'approve' or 'fail'");
        }
        PaymentIntent intent = simulator.settle(intentId, target).orElseThrow(PaymentApi::notFound);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payment_intent_id", intent.id());
        answer.put("status", intent.status().name());
        answer.put("action", action);
        answer.put(
                "message",
                intent.status() == target
                        ? "payment " + (target == PaymentIntent.Status.COMPLETED ? "approved" : "failed")
                        : "payment was already " + intent.status().name());
        return ApiResponse.json(200, answer);
    }

    private static Map<String, Object> view(PaymentIntent intent) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("payment_intent_id", intent.id());
        view.put("status", intent.status().name());
        view.put("amount", intent.amount());
        view.put("currency", intent.currency());
        view.put("reservation_id", intent.reservationId());
        return view;
    }

    private static ApiException notFound() {
        return ApiException.notFound("PAYMENT_NOT_FOUND", "payment intent not found");
    }
}
