package store.traffictacos.capacity.target.store;

import store.traffictacos.capacity.target.guard.RateLimit;
import store.traffictacos.capacity.target.queue.AdmissionPolicy;
import store.traffictacos.capacity.target.reservation.SeatMap;

/** What every store backend is configured with. */
public record StoreSettings(AdmissionPolicy admission, RateLimit rateLimit, SeatMap seats) {
}
