package store.traffictacos.capacity.emulator.reservation;

/** The outcome of confirm or cancel. */
public sealed interface Transition {

    record Done(Reservation reservation) implements Transition {}

    record NotFound() implements Transition {}

    /** The reservation was not in HOLD (already confirmed, cancelled or expired). */
    record WrongStatus(Reservation reservation) implements Transition {}
}
