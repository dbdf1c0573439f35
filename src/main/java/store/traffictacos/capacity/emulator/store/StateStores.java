package store.traffictacos.capacity.emulator.store;

import store.traffictacos.capacity.emulator.guard.IdempotencyStore;
import store.traffictacos.capacity.emulator.guard.RateLimitStore;
import store.traffictacos.capacity.emulator.payment.PaymentStore;
import store.traffictacos.capacity.emulator.queue.WaitingRoomStore;
import store.traffictacos.capacity.emulator.reservation.ReservationStore;

/** The target's state, one store per part, all from one backend ({@link Stores}). */
public record StateStores(
        WaitingRoomStore waitingRoom,
        IdempotencyStore idempotency,
        RateLimitStore rateLimits,
        ReservationStore reservations,
        PaymentStore payments) {}
