package store.traffictacos.capacity.emulator.reservation;

/** The outcome of a hold: all requested seats or none. */
public sealed interface HoldResult {

    record Held(Reservation reservation) implements HoldResult {}

    /** A requested seat is held or sold, or fewer than {@code quantity} seats are left. */
    record Unavailable() implements HoldResult {}

    /** A requested seat id is not a seat of the event. */
    record UnknownSeat(String seatId) implements HoldResult {}
}
