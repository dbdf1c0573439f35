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

    /** @param keepSeats save the hold's seats and expiry for the invariant checks ({@code -Dinvariants=on}) */
    public static HttpRequestActionBuilder hold(int seats, Auth auth, boolean keepSeats) {
        HttpRequestActionBuilder hold = auth.apply(http("hold")
                .post("/api/v1/reservations")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(
                        session -> "{\"event_id\":\"" + journey(session).eventId() + "\",\"quantity\":" + seats
                                + ",\"reservation_token\":\"" + journey(session).reservationToken() + "\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(201),
                        jsonPath("$.status").is("HOLD"),
                        jsonPath("$.reservation_id").saveAs(Sessions.SAVED_ID)));
        return keepSeats
                ? hold.check(
                        jsonPath("$.seat_ids[*]").findAll().optional().saveAs(Sessions.SEAT_IDS),
                        jsonPath("$.hold_expires_at").optional().saveAs(Sessions.HOLD_EXPIRES_AT))
                : hold;
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
