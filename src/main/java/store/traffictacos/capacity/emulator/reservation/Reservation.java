package store.traffictacos.capacity.emulator.reservation;

import java.util.List;

/** A seat reservation; seats stay out of stock while it is HOLD or CONFIRMED. */
public record Reservation(
        String id,
        String eventId,
        List<String> seatIds,
        String userId,
        Status status,
        long createdAtMs,
        long holdExpiresAtMs,
        String paymentIntentId,
        String orderId) {

    public enum Status {
        HOLD,
        CONFIRMED,
        CANCELLED,
        EXPIRED
    }

    public int quantity() {
        return seatIds.size();
    }

    public Reservation withStatus(Status newStatus, String newPaymentIntentId, String newOrderId) {
        return new Reservation(
                id, eventId, seatIds, userId, newStatus, createdAtMs, holdExpiresAtMs, newPaymentIntentId, newOrderId);
    }
}
