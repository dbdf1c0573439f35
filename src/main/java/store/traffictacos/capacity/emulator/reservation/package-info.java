/**
 * Seat inventory and reservations: holds of named or any seats, confirm with an approved payment,
 * cancel and expiry; the seat map, the routes and the store interface. May import {@code emulator.http}
 * and {@code emulator.payment}.
 */
package store.traffictacos.capacity.emulator.reservation;
