package store.traffictacos.capacity.emulator.reservation;

/**
 * Defects the reservation routes can be started with, to prove the run's invariant checks; all false is the
 * contract.
 *
 * @param oversell every hold is answered with its event's first seats, whatever is sold
 * @param confirmUnpaid confirm does not ask for an approved payment
 * @param lateConfirm holds are announced as expiring when made, and confirm does not enforce expiry
 */
public record ReservationFaults(boolean oversell, boolean confirmUnpaid, boolean lateConfirm) {
    public static final ReservationFaults NONE = new ReservationFaults(false, false, false);
}
