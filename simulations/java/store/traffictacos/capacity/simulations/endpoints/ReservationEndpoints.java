package store.traffictacos.capacity.simulations.endpoints;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static store.traffictacos.capacity.simulations.endpoints.Sessions.journey;

import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** Hold seats and confirm the reservation, with the contract's checks. */
public final class ReservationEndpoints {
    private ReservationEndpoints() {}

    /** A hold, its answer saved as {@link Sessions#HOLD} ({@link HoldAnswer}, read with one parse). */
    public static HttpRequestActionBuilder hold(int seats, Auth auth) {
        return auth.apply(http("hold")
                .post("/api/v1/reservations")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(
                        session -> "{\"event_id\":\"" + journey(session).eventId() + "\",\"quantity\":" + seats
                                + ",\"reservation_token\":\"" + journey(session).reservationToken() + "\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(201),
                        JsonBody.read(HoldAnswer.EXPECTED, HoldAnswer::of, Sessions.HOLD)));
    }

    /**
     * A confirm before paying, with a payment intent id that names nothing: the contract's answer is 412
     * PAYMENT_NOT_APPROVED (any refusal will do); a 200 is a confirm without an approved payment.
     */
    public static HttpRequestActionBuilder confirmUnpaid(Auth auth) {
        return auth.apply(http("confirm_probe")
                .post(session -> "/api/v1/reservations/" + journey(session).reservationId() + "/confirm")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(session -> "{\"payment_intent_id\":\"" + Sessions.idempotencyKey(session) + "\"}"))
                .check(status().saveAs(Sessions.HTTP_STATUS), status().in(200, 400, 404, 409, 412)));
    }

    public static HttpRequestActionBuilder confirm(Auth auth) {
        return auth.apply(http("confirm")
                .post(session -> "/api/v1/reservations/" + journey(session).reservationId() + "/confirm")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(session ->
                        "{\"payment_intent_id\":\"" + journey(session).paymentIntentId() + "\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(200),
                        jsonPath("$.status").is("CONFIRMED")));
    }
}
