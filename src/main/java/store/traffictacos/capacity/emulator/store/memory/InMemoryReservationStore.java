package store.traffictacos.capacity.emulator.store.memory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import store.traffictacos.capacity.emulator.reservation.HoldRequest;
import store.traffictacos.capacity.emulator.reservation.HoldResult;
import store.traffictacos.capacity.emulator.reservation.Reservation;
import store.traffictacos.capacity.emulator.reservation.Reservation.Status;
import store.traffictacos.capacity.emulator.reservation.ReservationStore;
import store.traffictacos.capacity.emulator.reservation.SeatMap;
import store.traffictacos.capacity.emulator.reservation.Transition;

/** Inventory and reservations in this process; one lock per event keeps every seat sold once. */
final class InMemoryReservationStore implements ReservationStore {
    private final SeatMap seats;
    private final Map<String, Inventory> inventories = new ConcurrentHashMap<>();
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

    InMemoryReservationStore(SeatMap seats) {
        this.seats = seats;
    }

    private record PendingExpiry(long expiresAtMs, String reservationId) {}

    /** One event's seats; bit n set = seat Sn held or sold. */
    private final class Inventory {
        final BitSet taken = new BitSet(seats.seatsPerEvent() + 1);
        final PriorityQueue<PendingExpiry> holds =
                new PriorityQueue<>(Comparator.comparingLong(PendingExpiry::expiresAtMs));
        long held;
        long sold;

        void reclaimExpired(long nowMs) {
            while (!holds.isEmpty() && holds.peek().expiresAtMs() <= nowMs) {
                Reservation reservation = reservations.get(holds.poll().reservationId());
                if (reservation != null && reservation.status() == Status.HOLD) {
                    release(reservation);
                    reservations.put(
                            reservation.id(),
                            reservation.withStatus(
                                    Status.EXPIRED, reservation.paymentIntentId(), reservation.orderId()));
                }
            }
        }

        void release(Reservation reservation) {
            reservation.seatIds().forEach(seatId -> taken.clear(seats.number(seatId)));
            held -= reservation.quantity();
        }

        /** Seat numbers for the request, or null when they cannot all be had. */
        List<Integer> pick(HoldRequest request) {
            List<Integer> numbers = new ArrayList<>();
            if (request.seatIds().isEmpty()) {
                for (int n = taken.nextClearBit(1);
                        n <= seats.seatsPerEvent() && numbers.size() < request.quantity();
                        n = taken.nextClearBit(n + 1)) {
                    numbers.add(n);
                }
                return numbers.size() == request.quantity() ? numbers : null;
            }
            for (String seatId : new LinkedHashSet<>(request.seatIds())) {
                int number = seats.number(seatId);
                if (taken.get(number)) {
                    return null;
                }
                numbers.add(number);
            }
            return numbers;
        }
    }

    private Inventory inventory(String eventId) {
        return inventories.computeIfAbsent(eventId, id -> new Inventory());
    }

    @Override
    public HoldResult hold(HoldRequest request) {
        for (String seatId : request.seatIds()) {
            if (seats.number(seatId) < 0) {
                return new HoldResult.UnknownSeat(seatId);
            }
        }
        Inventory inventory = inventory(request.eventId());
        synchronized (inventory) {
            inventory.reclaimExpired(request.nowMs());
            List<Integer> numbers = inventory.pick(request);
            if (numbers == null) {
                return new HoldResult.Unavailable();
            }
            numbers.forEach(inventory.taken::set);
            inventory.held += numbers.size();
            Reservation reservation = new Reservation(
                    request.reservationId(),
                    request.eventId(),
                    numbers.stream().map(seats::seatId).toList(),
                    request.userId(),
                    Status.HOLD,
                    request.nowMs(),
                    request.holdExpiresAtMs(),
                    null,
                    null);
            reservations.put(reservation.id(), reservation);
            inventory.holds.add(new PendingExpiry(reservation.holdExpiresAtMs(), reservation.id()));
            return new HoldResult.Held(reservation);
        }
    }

    @Override
    public Optional<Reservation> find(String reservationId, long nowMs) {
        Reservation known = reservations.get(reservationId);
        if (known == null) {
            return Optional.empty();
        }
        Inventory inventory = inventory(known.eventId());
        synchronized (inventory) {
            inventory.reclaimExpired(nowMs);
            return Optional.ofNullable(reservations.get(reservationId));
        }
    }

    @Override
    public Transition confirm(String reservationId, String paymentIntentId, String orderId, long nowMs) {
        return transition(reservationId, nowMs, (inventory, reservation) -> {
            inventory.held -= reservation.quantity();
            inventory.sold += reservation.quantity();
            return reservation.withStatus(Status.CONFIRMED, paymentIntentId, orderId);
        });
    }

    @Override
    public Transition cancel(String reservationId, long nowMs) {
        return transition(reservationId, nowMs, (inventory, reservation) -> {
            inventory.release(reservation);
            return reservation.withStatus(Status.CANCELLED, reservation.paymentIntentId(), null);
        });
    }

    private interface HoldChange {
        Reservation apply(Inventory inventory, Reservation held);
    }

    private Transition transition(String reservationId, long nowMs, HoldChange change) {
        Reservation known = reservations.get(reservationId);
        if (known == null) {
            return new Transition.NotFound();
        }
        Inventory inventory = inventory(known.eventId());
        synchronized (inventory) {
            inventory.reclaimExpired(nowMs);
            Reservation current = reservations.get(reservationId);
            if (current.status() != Status.HOLD) {
                return new Transition.WrongStatus(current);
            }
            Reservation changed = change.apply(inventory, current);
            reservations.put(reservationId, changed);
            return new Transition.Done(changed);
        }
    }

    @Override
    public Map<String, SeatCounts> seatCounts(long nowMs) {
        Map<String, SeatCounts> counts = new HashMap<>();
        inventories.forEach((eventId, inventory) -> {
            synchronized (inventory) {
                inventory.reclaimExpired(nowMs);
                counts.put(eventId, new SeatCounts(inventory.held, inventory.sold));
            }
        });
        return counts;
    }

    long eventCount() {
        return inventories.size();
    }

    long reservationCount() {
        return reservations.size();
    }
}
