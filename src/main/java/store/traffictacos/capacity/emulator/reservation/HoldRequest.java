package store.traffictacos.capacity.emulator.reservation;

import java.util.List;

/**
 * A request to hold seats: either the named {@code seatIds} or, when that list is empty, any
 * {@code quantity} free seats.
 */
public record HoldRequest(
        String reservationId,
        String eventId,
        List<String> seatIds,
        int quantity,
        String userId,
        long nowMs,
        long holdExpiresAtMs) {}
