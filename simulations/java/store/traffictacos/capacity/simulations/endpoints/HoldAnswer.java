package store.traffictacos.capacity.simulations.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a hold answered: its reservation, and for the invariant checks the seats it holds and its own
 * {@code hold_expires_at} (null when the platform gives none).
 */
public record HoldAnswer(String reservationId, List<String> seatIds, String holdExpiresAt) {
    /** What the check expects of a hold's answer. */
    static final String EXPECTED = "status HOLD and a reservation_id";

    /** The answer of a hold the platform made; null for any other answer. */
    static HoldAnswer of(JsonNode answer) {
        String reservationId = JsonBody.text(answer, "reservation_id");
        if (!"HOLD".equals(JsonBody.text(answer, "status")) || reservationId == null) {
            return null;
        }
        return new HoldAnswer(reservationId, seats(answer.get("seat_ids")), JsonBody.text(answer, "hold_expires_at"));
    }

    private static List<String> seats(JsonNode seatIds) {
        if (seatIds == null || !seatIds.isArray()) {
            return List.of();
        }
        List<String> seats = new ArrayList<>(seatIds.size());
        seatIds.forEach(seat -> seats.add(seat.asText()));
        return List.copyOf(seats);
    }
}
