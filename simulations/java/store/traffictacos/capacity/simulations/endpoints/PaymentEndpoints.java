package store.traffictacos.capacity.simulations.endpoints;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static store.traffictacos.capacity.simulations.endpoints.Sessions.journey;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Create and approve a payment intent, with the contract's checks. */
public final class PaymentEndpoints {
    private PaymentEndpoints() {}

    public static HttpRequestActionBuilder intent(long amountKrw, Auth auth) {
        return auth.apply(http("payment_intent")
                .post("/api/v1/payment/intent")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(session -> "{\"reservation_id\":\""
                        + journey(session).reservationId() + "\",\"amount\":" + amountKrw + ",\"currency\":\"KRW\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(200),
                        JsonBody.read(
                                "status PENDING and a payment_intent_id",
                                answer -> "PENDING".equals(JsonBody.text(answer, "status"))
                                        ? JsonBody.text(answer, "payment_intent_id")
                                        : null,
                                Sessions.SAVED_ID)));
    }

    public static HttpRequestActionBuilder approve(Auth auth) {
        return auth.apply(http("payment_process")
                .post("/api/v1/payment/process")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(session -> "{\"payment_intent_id\":\""
                        + journey(session).paymentIntentId() + "\",\"action\":\"approve\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(200),
                        jsonPath("$.status").is("COMPLETED")));
    }
}
