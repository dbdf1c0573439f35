package store.traffictacos.capacity.emulator.reservation;

import java.util.Map;
import java.util.Optional;

/**
 * Inventory and reservations. Every operation first returns the seats of holds that expired by
 * {@code nowMs} (their reservation becomes EXPIRED), and never sells a seat twice, whatever the
 * concurrency.
 */
public interface ReservationStore {

    HoldResult hold(HoldRequest request);

    Optional<Reservation> find(String reservationId, long nowMs);

    /** HOLD → CONFIRMED: the seats are sold. */
    Transition confirm(String reservationId, String paymentIntentId, String orderId, long nowMs);

    /** HOLD → CANCELLED: the seats return to stock. */
    Transition cancel(String reservationId, long nowMs);

    /** Seats per event that are held and sold right now (for {@code /metrics}). */
    Map<String, SeatCounts> seatCounts(long nowMs);

    record SeatCounts(long held, long sold) {}
}
