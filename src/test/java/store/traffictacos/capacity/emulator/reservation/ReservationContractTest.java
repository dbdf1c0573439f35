package store.traffictacos.capacity.emulator.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
@DisplayName("Reservation routes")
class ReservationContractTest extends BackendContract {
    private static final String RESERVATIONS = "/api/v1/reservations";
    private static final Duration PAST_HOLD = Duration.ofSeconds(61);

    @Test
    @DisplayName(
            "a hold answers 201 with reservation_id, status HOLD, event_id, seat_ids, quantity, user_id and hold_expires_at 60 s after now")
    void holdAnswers201WithAllFields() {
        // Given
        long now = api.clock.millis();

        // When
        Reply reply =
                api.post(RESERVATIONS, Map.of("event_id", "evt_1", "seat_ids", List.of("S1", "S2")), api.as("alice"));

        // Then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.text("reservation_id")).matches("[0-9a-f-]{36}");
        assertThat(reply.text("status")).isEqualTo("HOLD");
        assertThat(reply.text("event_id")).isEqualTo("evt_1");
        assertThat(seatIds(reply)).containsExactly("S1", "S2");
        assertThat(reply.json().path("quantity").asInt()).isEqualTo(2);
        assertThat(reply.text("user_id")).isEqualTo("alice");
        assertThat(Instant.parse(reply.text("hold_expires_at"))).isEqualTo(Instant.ofEpochMilli(now + 60_000));
    }

    @Test
    @DisplayName("a hold by seat_ids takes exactly the named seats")
    void holdBySeatIds() {
        // When
        Reply reply = hold("evt_1", List.of("S5", "S7"));

        // Then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(seatIds(reply)).containsExactly("S5", "S7");
        assertThat(reply.json().path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("a hold by quantity takes that many free seats, the lowest numbered first")
    void holdByQuantity() {
        // Given seat S1 is already held
        assertThat(hold("evt_1", List.of("S1")).status()).isEqualTo(201);

        // When
        Reply reply = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "quantity", 3));

        // Then
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("quantity").asInt()).isEqualTo(3);
        assertThat(seatIds(reply)).containsExactly("S2", "S3", "S4");
    }

    @Test
    @DisplayName("a hold without event_id answers 400 MISSING_EVENT_ID")
    void holdWithoutEvent() {
        // When
        Reply reply = api.post(RESERVATIONS, Map.of("seat_ids", List.of("S1")));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MISSING_EVENT_ID");
    }

    @Test
    @DisplayName("a hold with neither seat_ids nor a quantity > 0 answers 400 MISSING_SEATS")
    void holdWithoutSeats() {
        // When
        Reply none = api.post(RESERVATIONS, Map.of("event_id", "evt_1"));
        Reply zero = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "quantity", 0, "seat_ids", List.of()));

        // Then
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("MISSING_SEATS");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorCode()).isEqualTo("MISSING_SEATS");
    }

    @Test
    @DisplayName("a hold on a seat the event does not have answers 400 INVALID_REQUEST")
    void holdUnknownSeat() {
        // Given events have seats S1..S3
        restartWith(TargetConfig.defaults().withSeatsPerEvent(3));

        // When
        Reply reply = hold("evt_1", List.of("S1", "S4"));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(hold("evt_1", List.of("S1")).status())
                .as("the valid seat was not taken")
                .isEqualTo(201);
    }

    @Test
    @DisplayName("a hold on a seat that is already held answers 409 SEAT_UNAVAILABLE and takes none of the seats")
    void holdOnHeldSeat() {
        // Given
        assertThat(hold("evt_1", List.of("S2")).status()).isEqualTo(201);

        // When
        Reply reply = hold("evt_1", List.of("S1", "S2"));

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(hold("evt_1", List.of("S1")).status())
                .as("all or nothing: S1 stayed free")
                .isEqualTo(201);
    }

    @Test
    @DisplayName("a hold for more seats than are left answers 409 SEAT_UNAVAILABLE")
    void holdByQuantityWhenSoldOut() {
        // Given an event of 2 seats, one held
        restartWith(TargetConfig.defaults().withSeatsPerEvent(2));
        assertThat(hold("evt_1", List.of("S1")).status()).isEqualTo(201);

        // When
        Reply reply = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "quantity", 2));

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("SEAT_UNAVAILABLE");
    }

    @Test
    @DisplayName("100 concurrent holds on the last seat give exactly one 201 and 99 409 SEAT_UNAVAILABLE (no oversell)")
    void concurrentHoldsNeverOversell() throws Exception {
        // Given an event with one seat and 100 clients, each with its own user and Idempotency-Key
        restartWith(TargetConfig.defaults().withSeatsPerEvent(1));
        int clients = 100;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String user = "user-" + i;
                replies.add(pool.submit(() -> {
                    go.await();
                    return api.post(
                            RESERVATIONS, Map.of("event_id", "evt_1", "seat_ids", List.of("S1")), "X-User-Id", user);
                }));
            }

            // When they are released at once
            go.countDown();
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(reply.get(30, TimeUnit.SECONDS));
            }

            // Then
            assertThat(answers).filteredOn(reply -> reply.status() == 201).hasSize(1);
            assertThat(answers)
                    .filteredOn(reply -> reply.status() == 409)
                    .hasSize(clients - 1)
                    .allSatisfy(reply -> assertThat(reply.errorCode()).isEqualTo("SEAT_UNAVAILABLE"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a hold not confirmed within 60 s expires: GET shows EXPIRED and the seat can be held again")
    void expiredHoldReturnsItsSeat() {
        // Given an event with one seat, held
        restartWith(TargetConfig.defaults().withSeatsPerEvent(1));
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        assertThat(hold("evt_1", List.of("S1")).status())
                .as("held while the hold lasts")
                .isEqualTo(409);

        // When
        api.clock.advance(PAST_HOLD);

        // Then
        Reply reservation = api.get(RESERVATIONS + "/" + id);
        assertThat(reservation.status()).isEqualTo(200);
        assertThat(reservation.text("status")).isEqualTo("EXPIRED");
        assertThat(hold("evt_1", List.of("S1")).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("GET answers 200 with the reservation to its owner")
    void getForOwner() {
        // Given
        Reply held = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "seat_ids", List.of("S1")), api.as("alice"));
        String id = held.text("reservation_id");

        // When
        Reply reply = api.get(RESERVATIONS + "/" + id, api.as("alice"));

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("reservation_id")).isEqualTo(id);
        assertThat(reply.text("status")).isEqualTo("HOLD");
        assertThat(reply.text("event_id")).isEqualTo("evt_1");
        assertThat(seatIds(reply)).containsExactly("S1");
        assertThat(reply.text("user_id")).isEqualTo("alice");
        assertThat(reply.text("hold_expires_at")).isEqualTo(held.text("hold_expires_at"));
    }

    @Test
    @DisplayName("GET of another user's reservation answers 403 ACCESS_DENIED")
    void getForAnotherUser() {
        // Given
        String id = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "seat_ids", List.of("S1")), api.as("alice"))
                .text("reservation_id");

        // When
        Reply reply = api.get(RESERVATIONS + "/" + id, api.as("bob"));

        // Then
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("GET of an unknown reservation answers 404 RESERVATION_NOT_FOUND")
    void getUnknown() {
        // When
        Reply reply = api.get(RESERVATIONS + "/00000000-0000-0000-0000-000000000000");

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
    }

    @Test
    @DisplayName("confirm with a COMPLETED payment intent answers 200 with an order_id and status CONFIRMED")
    void confirmWithCompletedPayment() {
        // Given
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        String intent = intent(id);
        assertThat(api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"))
                        .text("status"))
                .isEqualTo("COMPLETED");

        // When
        Reply reply = api.post(RESERVATIONS + "/" + id + "/confirm", Map.of("payment_intent_id", intent));

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("order_id")).isNotBlank();
        assertThat(reply.text("status")).isEqualTo("CONFIRMED");
        assertThat(api.get(RESERVATIONS + "/" + id).text("status")).isEqualTo("CONFIRMED");
    }

    @Test
    @DisplayName("confirm without payment_intent_id answers 400 INVALID_REQUEST")
    void confirmWithoutPaymentIntent() {
        // Given
        String id = hold("evt_1", List.of("S1")).text("reservation_id");

        // When
        Reply reply = api.post(RESERVATIONS + "/" + id + "/confirm", Map.of());

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    @DisplayName("confirm with a PENDING payment intent answers 412 PAYMENT_NOT_APPROVED")
    void confirmWithPendingPayment() {
        // Given
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        String intent = intent(id);

        // When
        Reply reply = api.post(RESERVATIONS + "/" + id + "/confirm", Map.of("payment_intent_id", intent));

        // Then
        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.errorCode()).isEqualTo("PAYMENT_NOT_APPROVED");
        assertThat(api.get(RESERVATIONS + "/" + id).text("status")).isEqualTo("HOLD");
    }

    @Test
    @DisplayName("confirm with a COMPLETED payment of another reservation answers 412 PAYMENT_NOT_APPROVED")
    void confirmWithAnotherReservationsPayment() {
        // Given
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        String other = hold("evt_1", List.of("S2")).text("reservation_id");
        String intent = intent(other);
        api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"));

        // When
        Reply reply = api.post(RESERVATIONS + "/" + id + "/confirm", Map.of("payment_intent_id", intent));

        // Then
        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.errorCode()).isEqualTo("PAYMENT_NOT_APPROVED");
    }

    @Test
    @DisplayName("confirm more than 60 s after the hold answers 409 RESERVATION_EXPIRED")
    void confirmAfterHoldExpired() {
        // Given an approved payment for a hold
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        String intent = intent(id);
        api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"));

        // When
        api.clock.advance(PAST_HOLD);
        Reply reply = api.post(RESERVATIONS + "/" + id + "/confirm", Map.of("payment_intent_id", intent));

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("RESERVATION_EXPIRED");
    }

    @Test
    @DisplayName("confirm of an unknown reservation answers 404 RESERVATION_NOT_FOUND")
    void confirmUnknown() {
        // When
        Reply reply = api.post(
                RESERVATIONS + "/00000000-0000-0000-0000-000000000000/confirm",
                Map.of("payment_intent_id", "00000000-0000-0000-0000-000000000001"));

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
    }

    @Test
    @DisplayName("cancel answers 200 status CANCELLED and the seat can be held again")
    void cancelReturnsTheSeat() {
        // Given an event with one seat, held
        restartWith(TargetConfig.defaults().withSeatsPerEvent(1));
        String id = hold("evt_1", List.of("S1")).text("reservation_id");

        // When
        Reply reply = api.post(RESERVATIONS + "/" + id + "/cancel", "");

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("CANCELLED");
        assertThat(api.get(RESERVATIONS + "/" + id).text("status")).isEqualTo("CANCELLED");
        assertThat(hold("evt_1", List.of("S1")).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("cancel of an unknown reservation answers 404, of one no longer on hold 409")
    void cancelErrors() {
        // Given a cancelled reservation
        String id = hold("evt_1", List.of("S1")).text("reservation_id");
        api.post(RESERVATIONS + "/" + id + "/cancel", "");

        // When
        Reply again = api.post(RESERVATIONS + "/" + id + "/cancel", "");
        Reply unknown = api.post(RESERVATIONS + "/00000000-0000-0000-0000-000000000000/cancel", "");

        // Then
        assertThat(again.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
    }

    @Test
    @DisplayName("confirm and cancel of another user's reservation answer 403 ACCESS_DENIED and change nothing")
    void confirmAndCancelForAnotherUser() {
        // Given alice's hold with an approved payment
        String id = api.post(RESERVATIONS, Map.of("event_id", "evt_1", "seat_ids", List.of("S1")), api.as("alice"))
                .text("reservation_id");
        String intent = intent(id);
        api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"));

        // When bob tries
        Reply confirm =
                api.post(RESERVATIONS + "/" + id + "/confirm", Map.of("payment_intent_id", intent), api.as("bob"));
        Reply cancel = api.post(RESERVATIONS + "/" + id + "/cancel", "", api.as("bob"));

        // Then
        assertThat(confirm.status()).isEqualTo(403);
        assertThat(confirm.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(cancel.errorCode()).isEqualTo("ACCESS_DENIED");
        assertThat(api.get(RESERVATIONS + "/" + id, api.as("alice")).text("status"))
                .isEqualTo("HOLD");
    }

    /** Holds {@code seats} of {@code eventId} as the load-test user. */
    private Reply hold(String eventId, List<String> seats) {
        return api.post(RESERVATIONS, Map.of("event_id", eventId, "seat_ids", seats));
    }

    private String intent(String reservationId) {
        Reply reply = api.post(
                "/api/v1/payment/intent", Map.of("reservation_id", reservationId, "amount", 50_000, "currency", "KRW"));
        assertThat(reply.status()).as("payment intent").isEqualTo(200);
        return reply.text("payment_intent_id");
    }

    private static List<String> seatIds(Reply reply) {
        List<String> seats = new ArrayList<>();
        reply.json().path("seat_ids").forEach(seat -> seats.add(seat.asText()));
        return seats;
    }
}
