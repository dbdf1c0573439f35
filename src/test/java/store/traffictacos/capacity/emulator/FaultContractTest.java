package store.traffictacos.capacity.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@DisplayName("The reference target's fault modes")
class FaultContractTest {
    private static TargetFixture target(Fault fault) {
        return new TargetFixture(Backend.MEMORY, TargetConfig.defaults().withFaults(Set.of(fault)));
    }

    private static Reply hold(TargetFixture api, String eventId) {
        return api.post("/api/v1/reservations", Map.of("event_id", eventId, "quantity", 2));
    }

    private static List<String> seats(Reply hold) {
        List<String> seats = new ArrayList<>();
        hold.json().path("seat_ids").forEach(seat -> seats.add(seat.asText()));
        return seats;
    }

    @Test
    @DisplayName("oversell: every hold of an event is answered with its first seats")
    void oversell() {
        try (TargetFixture api = target(Fault.OVERSELL)) {
            // When
            Reply first = hold(api, "evt_1");
            Reply second = hold(api, "evt_1");

            // Then
            assertThat(seats(first)).containsExactly("S1", "S2");
            assertThat(seats(second)).containsExactly("S1", "S2");
        }
    }

    @Test
    @DisplayName("double-admit: a second enter with a granted token is granted again")
    void doubleAdmit() {
        try (TargetFixture api = target(Fault.DOUBLE_ADMIT)) {
            // Given
            String token = api.join("evt_1");
            assertThat(api.enter(token).status()).isEqualTo(200);

            // When
            Reply again = api.enter(token);

            // Then
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.text("admission")).isEqualTo("granted");
        }
    }

    @Test
    @DisplayName("confirm-unpaid: a confirm with a payment intent that names nothing succeeds")
    void confirmUnpaid() {
        try (TargetFixture api = target(Fault.CONFIRM_UNPAID)) {
            // Given
            String reservation = hold(api, "evt_1").text("reservation_id");

            // When
            Reply confirm = api.post(
                    "/api/v1/reservations/" + reservation + "/confirm",
                    Map.of("payment_intent_id", "00000000-0000-4000-8000-000000000000"));

            // Then
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(confirm.text("status")).isEqualTo("CONFIRMED");
        }
    }

    @Test
    @DisplayName("late-confirm: holds are announced as expiring when made, and a later confirm still succeeds")
    void lateConfirm() {
        try (TargetFixture api = target(Fault.LATE_CONFIRM)) {
            // Given
            long madeAt = api.clock.millis();
            Reply hold = hold(api, "evt_1");
            String reservation = hold.text("reservation_id");
            String intent = api.post(
                            "/api/v1/payment/intent",
                            Map.of("reservation_id", reservation, "amount", 1_000, "currency", "KRW"))
                    .text("payment_intent_id");
            api.post("/api/v1/payment/process", Map.of("payment_intent_id", intent, "action", "approve"));

            // When
            Reply confirm =
                    api.post("/api/v1/reservations/" + reservation + "/confirm", Map.of("payment_intent_id", intent));

            // Then
            assertThat(Instant.parse(hold.text("hold_expires_at"))).isEqualTo(Instant.ofEpochMilli(madeAt));
            assertThat(confirm.status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("faults are named on the command line by their keys, and an unknown one is refused naming them all")
    void parseKeys() {
        // When / Then
        assertThat(Fault.parse("oversell, late-confirm")).containsExactlyInAnyOrder(Fault.OVERSELL, Fault.LATE_CONFIRM);
        assertThat(Fault.parse(" ")).isEmpty();
        assertThatThrownBy(() -> Fault.parse("double-sell"))
                .hasMessage("unknown fault 'double-sell', expected one of oversell, double-admit, confirm-unpaid, "
                        + "late-confirm");
    }
}
