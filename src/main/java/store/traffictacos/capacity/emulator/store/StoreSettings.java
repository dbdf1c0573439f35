package store.traffictacos.capacity.emulator.store;

import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.reservation.SeatMap;

/** What every store backend is configured with. */
public record StoreSettings(AdmissionPolicy admission, RateLimit rateLimit, SeatMap seats) {}
