package store.traffictacos.capacity.emulator.reservation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;
import store.traffictacos.capacity.emulator.http.Json;
import store.traffictacos.capacity.emulator.http.Route;
import store.traffictacos.capacity.emulator.payment.PaymentIntent;
import store.traffictacos.capacity.emulator.payment.PaymentSimulator;

/** The reservation routes: hold, read, confirm (with an approved payment), cancel. */
public final class ReservationApi {
    public static final long HOLD_MS = 60_000;
    private static final int MAX_SEATS_PER_HOLD = 100;

    private final ReservationStore store;
    private final PaymentSimulator payments;
    private final Clock clock;
    private final ReservationFaults faults;

    public ReservationApi(ReservationStore store, PaymentSimulator payments, Clock clock, ReservationFaults faults) {
        this.store = store;
        this.payments = payments;
        this.clock = clock;
        this.faults = faults;
    }

    public List<Route> routes() {
        return List.of(
                Route.authenticated("POST", "/api/v1/reservations", this::hold),
                Route.authenticated(
                        "GET",
                        "/api/v1/reservations/{id}",
                        (request, user) -> ApiResponse.json(200, view(faulty(owned(request, user))))),
                Route.authenticated("POST", "/api/v1/reservations/{id}/confirm", this::confirm),
                Route.authenticated("POST", "/api/v1/reservations/{id}/cancel", this::cancel));
    }

    private ApiResponse hold(ApiRequest request, String userId) {
        ObjectNode body = Json.object(request.body());
        String eventId = Json.text(body, "event_id");
        if (eventId == null) {
            throw ApiException.badRequest("MISSING_EVENT_ID", "event_id is required");
        }
        List<String> seatIds = seatIds(body);
        int quantity = quantity(body, seatIds);
        long now = clock.millis();
        HoldResult result = store.hold(
                new HoldRequest(UUID.randomUUID().toString(), eventId, seatIds, quantity, userId, now, now + HOLD_MS));
        if (result instanceof HoldResult.UnknownSeat unknown) {
            throw ApiException.badRequest("INVALID_REQUEST", "unknown seat " + unknown.seatId());
        }
        if (result instanceof HoldResult.Held held) {
            return ApiResponse.json(201, view(faulty(held.reservation())));
        }
        throw ApiException.conflict("SEAT_UNAVAILABLE", "the requested seats are not available");
    }

    private static List<String> seatIds(ObjectNode body) {
        JsonNode seats = body.path("seat_ids");
        List<String> seatIds = new ArrayList<>();
        if (seats.isMissingNode() || seats.isNull()) {
            return seatIds;
        }
        if (!seats.isArray()) {
            throw ApiException.badRequest("INVALID_REQUEST", "seat_ids must be an array of strings");
        }
        for (JsonNode seat : seats) {
            if (!seat.isTextual() || seat.asText().isBlank()) {
                throw ApiException.badRequest("INVALID_REQUEST", "seat_ids must be an array of strings");
            }
            seatIds.add(seat.asText());
        }
        if (seatIds.size() > MAX_SEATS_PER_HOLD || seatIds.stream().distinct().count() != seatIds.size()) {
            throw ApiException.badRequest(
                    "INVALID_REQUEST", "seat_ids must be distinct, at most " + MAX_SEATS_PER_HOLD);
        }
        return seatIds;
    }

    private static int quantity(ObjectNode body, List<String> seatIds) {
        JsonNode quantity = body.path("quantity");
        boolean given = !quantity.isMissingNode() && !quantity.isNull();
        if (given && (!quantity.canConvertToExactIntegral() || !quantity.canConvertToInt() || quantity.asInt() < 0)) {
            throw ApiException.badRequest("INVALID_REQUEST", "quantity must be a whole number >= 0");
        }
        int count = given ? quantity.asInt() : 0;
        if (!seatIds.isEmpty()) {
            if (count != 0 && count != seatIds.size()) {
                throw ApiException.badRequest("INVALID_REQUEST", "quantity does not match seat_ids");
            }
            return seatIds.size();
        }
        if (count <= 0) {
            throw ApiException.badRequest("MISSING_SEATS", "seat_ids or a quantity > 0 is required");
        }
        if (count > MAX_SEATS_PER_HOLD) {
            throw ApiException.badRequest("INVALID_REQUEST", "quantity must be at most " + MAX_SEATS_PER_HOLD);
        }
        return count;
    }

    private Reservation owned(ApiRequest request, String userId) {
        Reservation reservation = store.find(request.pathParam("id"), clock.millis())
                .orElseThrow(() -> ApiException.notFound("RESERVATION_NOT_FOUND", "reservation not found"));
        if (!reservation.userId().equals(userId)) {
            throw new ApiException(403, "ACCESS_DENIED", "reservation belongs to another user");
        }
        return reservation;
    }

    private ApiResponse confirm(ApiRequest request, String userId) {
        Reservation reservation = owned(request, userId);
        requireHold(reservation);
        String intentId = Json.text(Json.object(request.body()), "payment_intent_id");
        if (intentId == null) {
            throw ApiException.badRequest("INVALID_REQUEST", "payment_intent_id is required");
        }
        boolean approved = payments.current(intentId)
                .filter(intent -> intent.status() == PaymentIntent.Status.COMPLETED)
                .filter(intent -> intent.reservationId().equals(reservation.id()))
                .isPresent();
        if (!approved && !faults.confirmUnpaid()) {
            throw new ApiException(412, "PAYMENT_NOT_APPROVED", "payment is not completed for this reservation");
        }
        Reservation confirmed =
                done(store.confirm(reservation.id(), intentId, UUID.randomUUID().toString(), clock.millis()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order_id", confirmed.orderId());
        answer.put("status", confirmed.status().name());
        answer.put("reservation_id", confirmed.id());
        return ApiResponse.json(200, answer);
    }

    private ApiResponse cancel(ApiRequest request, String userId) {
        Reservation cancelled = done(store.cancel(owned(request, userId).id(), clock.millis()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", cancelled.status().name());
        answer.put("reservation_id", cancelled.id());
        return ApiResponse.json(200, answer);
    }

    private static Reservation done(Transition transition) {
        if (transition instanceof Transition.Done done) {
            return done.reservation();
        }
        if (transition instanceof Transition.WrongStatus wrong) {
            requireHold(wrong.reservation());
        }
        throw ApiException.notFound("RESERVATION_NOT_FOUND", "reservation not found");
    }

    private static void requireHold(Reservation reservation) {
        if (reservation.status() == Reservation.Status.EXPIRED) {
            throw ApiException.conflict("RESERVATION_EXPIRED", "the hold expired and its seats were released");
        }
        if (reservation.status() != Reservation.Status.HOLD) {
            throw ApiException.conflict("INVALID_RESERVATION_STATE", "reservation is " + reservation.status());
        }
    }

    /**
     * The reservation as a faulty target answers it: with its event's first seats ({@link
     * ReservationFaults#oversell}), expiring when made ({@link ReservationFaults#lateConfirm}: the store still
     * holds it for the contract's 60 s, so a confirm succeeds past the announced expiry).
     */
    private Reservation faulty(Reservation reservation) {
        List<String> seats = reservation.seatIds();
        if (faults.oversell()) {
            SeatMap firstSeats = new SeatMap(reservation.quantity());
            seats = new ArrayList<>();
            for (int number = 1; number <= reservation.quantity(); number++) {
                seats.add(firstSeats.seatId(number));
            }
        }
        long expiresAtMs = faults.lateConfirm() ? reservation.createdAtMs() : reservation.holdExpiresAtMs();
        return new Reservation(
                reservation.id(),
                reservation.eventId(),
                seats,
                reservation.userId(),
                reservation.status(),
                reservation.createdAtMs(),
                expiresAtMs,
                reservation.paymentIntentId(),
                reservation.orderId());
    }

    private static Map<String, Object> view(Reservation reservation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reservation_id", reservation.id());
        view.put("status", reservation.status().name());
        view.put("event_id", reservation.eventId());
        view.put("seat_ids", reservation.seatIds());
        view.put("quantity", reservation.quantity());
        view.put("user_id", reservation.userId());
        view.put(
                "hold_expires_at",
                Instant.ofEpochMilli(reservation.holdExpiresAtMs()).toString());
        if (reservation.paymentIntentId() != null) {
            view.put("payment_intent_id", reservation.paymentIntentId());
        }
        if (reservation.orderId() != null) {
            view.put("order_id", reservation.orderId());
        }
        return view;
    }
}
