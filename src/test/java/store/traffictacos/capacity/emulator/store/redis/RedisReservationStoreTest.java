package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.emulator.store.redis.RedisTestSupport.T0;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.reservation.HoldRequest;
import store.traffictacos.capacity.emulator.reservation.HoldResult;
import store.traffictacos.capacity.emulator.reservation.Reservation;
import store.traffictacos.capacity.emulator.reservation.Reservation.Status;
import store.traffictacos.capacity.emulator.reservation.ReservationStore;
import store.traffictacos.capacity.emulator.reservation.ReservationStore.SeatCounts;
import store.traffictacos.capacity.emulator.reservation.Transition;

/** Seats per event are 10 (see {@link RedisTestSupport#settings()}); holds last 60 s. */
class RedisReservationStoreTest {
    private static final long HOLD_MS = 60_000;

    private RedisStores stores;
    private ReservationStore reservations;
    private String eventId;

    @BeforeEach
    void setUp() {
        URI uri = RedisTestSupport.redisUri();
        RedisTestSupport.flushedClient(uri).close();
        stores = RedisStores.connect(uri, RedisTestSupport.settings());
        reservations = stores.state().reservations();
        eventId = RedisTestSupport.unique("evt");
    }

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
    }

    private HoldResult hold(List<String> seatIds, int quantity, long nowMs) {
        return reservations.hold(new HoldRequest(
                UUID.randomUUID().toString(), eventId, seatIds, quantity, "user-1", nowMs, nowMs + HOLD_MS));
    }

    private Reservation held(HoldResult result) {
        assertThat(result).isInstanceOf(HoldResult.Held.class);
        return ((HoldResult.Held) result).reservation();
    }

    @Test
    @DisplayName("a quantity hold takes the lowest numbered free seats")
    void quantityTakesLowestSeats() {
        // Given S2 is held
        held(hold(List.of("S2"), 0, T0));

        // When three seats are held by quantity
        Reservation reservation = held(hold(List.of(), 3, T0));

        // Then they are S1, S3, S4
        assertThat(reservation.seatIds()).containsExactly("S1", "S3", "S4");
        assertThat(reservation.status()).isEqualTo(Status.HOLD);
        assertThat(reservation.holdExpiresAtMs()).isEqualTo(T0 + HOLD_MS);
    }

    @Test
    @DisplayName("a named-seat hold is all or nothing")
    void namedSeatsAllOrNothing() {
        // Given S2 is held
        held(hold(List.of("S2"), 0, T0));

        // When S3 and S2 are requested together
        HoldResult result = hold(List.of("S3", "S2"), 0, T0);

        // Then nothing is held: S3 is still free
        assertThat(result).isEqualTo(new HoldResult.Unavailable());
        assertThat(held(hold(List.of("S3"), 0, T0)).seatIds()).containsExactly("S3");
    }

    @Test
    @DisplayName("a seat id that names no seat is reported as unknown")
    void unknownSeat() {
        assertThat(hold(List.of("S1", "S11"), 0, T0)).isEqualTo(new HoldResult.UnknownSeat("S11"));
        assertThat(hold(List.of("X1"), 0, T0)).isEqualTo(new HoldResult.UnknownSeat("X1"));
    }

    @Test
    @DisplayName("more seats than are left are unavailable, and nothing is taken")
    void quantityBeyondStock() {
        // Given 8 of 10 seats held
        held(hold(List.of(), 8, T0));

        // When 3 are requested
        // Then the request fails and the 2 free seats are still there
        assertThat(hold(List.of(), 3, T0)).isEqualTo(new HoldResult.Unavailable());
        assertThat(held(hold(List.of(), 2, T0)).seatIds()).containsExactly("S9", "S10");
    }

    @Test
    @DisplayName("100 concurrent holds of the last seat: exactly one is held, 99 are unavailable")
    void noOversellUnderConcurrency() throws Exception {
        // Given 9 of 10 seats held
        held(hold(List.of(), 9, T0));

        // When 100 threads try to hold one seat at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HoldResult>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return hold(List.of(), 1, T0 + 1);
            }));
        }
        start.countDown();
        List<HoldResult> results = new ArrayList<>();
        for (Future<HoldResult> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // Then exactly one got S10
        assertThat(results)
                .filteredOn(HoldResult.Held.class::isInstance)
                .hasSize(1)
                .first()
                .extracting(r -> ((HoldResult.Held) r).reservation().seatIds())
                .isEqualTo(List.of("S10"));
        assertThat(results).filteredOn(HoldResult.Unavailable.class::isInstance).hasSize(99);
        assertThat(reservations.seatCounts(T0 + 2)).containsEntry(eventId, new SeatCounts(10, 0));
    }

    @Test
    @DisplayName("100 concurrent holds of the same named seat: exactly one is held")
    void noOversellOfNamedSeat() throws Exception {
        // When 100 threads request S7 at once
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HoldResult>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return hold(List.of("S7"), 0, T0);
            }));
        }
        start.countDown();
        long heldCount = 0;
        for (Future<HoldResult> future : futures) {
            if (future.get(30, TimeUnit.SECONDS) instanceof HoldResult.Held) {
                heldCount++;
            }
        }
        pool.shutdown();

        // Then one of them holds it
        assertThat(heldCount).isEqualTo(1);
    }

    @Test
    @DisplayName("an expired hold returns its seats to stock and reads as EXPIRED")
    void expiredHoldReturnsSeat() {
        // Given all seats held at T0
        Reservation first = held(hold(List.of(), 10, T0));
        assertThat(hold(List.of(), 1, T0 + HOLD_MS - 1)).isEqualTo(new HoldResult.Unavailable());

        // When the hold's expiry passes
        HoldResult again = hold(List.of(), 1, T0 + HOLD_MS);

        // Then its seats are free again and the first reservation is EXPIRED
        assertThat(held(again).seatIds()).containsExactly("S1");
        assertThat(reservations.find(first.id(), T0 + HOLD_MS))
                .get()
                .extracting(Reservation::status)
                .isEqualTo(Status.EXPIRED);
    }

    @Test
    @DisplayName("find reports EXPIRED for a hold past its expiry without any other operation")
    void findReportsExpired() {
        // Given a hold
        Reservation reservation = held(hold(List.of("S1", "S2"), 0, T0));

        // When / Then
        assertThat(reservations.find(reservation.id(), T0 + 1)).contains(reservation);
        assertThat(reservations.find(reservation.id(), T0 + HOLD_MS))
                .get()
                .extracting(Reservation::status)
                .isEqualTo(Status.EXPIRED);
        assertThat(reservations.seatCounts(T0 + HOLD_MS)).containsEntry(eventId, new SeatCounts(0, 0));
    }

    @Test
    @DisplayName("confirm of a live hold sells its seats")
    void confirmSells() {
        // Given a hold of two seats
        Reservation reservation = held(hold(List.of(), 2, T0));

        // When it is confirmed
        Transition transition = reservations.confirm(reservation.id(), "pi-1", "order-1", T0 + 1_000);

        // Then it is CONFIRMED with the payment and order, and its seats count as sold
        assertThat(transition)
                .isEqualTo(new Transition.Done(reservation.withStatus(Status.CONFIRMED, "pi-1", "order-1")));
        assertThat(reservations.seatCounts(T0 + 1_000)).containsEntry(eventId, new SeatCounts(0, 2));
        // and the seats stay taken after the hold time
        assertThat(held(hold(List.of(), 8, T0 + 10 * HOLD_MS)).seatIds()).doesNotContain("S1", "S2");
    }

    @Test
    @DisplayName("confirm after the hold expired answers WrongStatus with the EXPIRED reservation")
    void confirmAfterExpiry() {
        // Given a hold
        Reservation reservation = held(hold(List.of("S5"), 0, T0));

        // When it is confirmed after its expiry
        Transition transition = reservations.confirm(reservation.id(), "pi-1", "order-1", T0 + HOLD_MS);

        // Then it is refused with the expired reservation, and the seat is back in stock
        assertThat(transition)
                .isEqualTo(new Transition.WrongStatus(reservation.withStatus(Status.EXPIRED, null, null)));
        assertThat(held(hold(List.of("S5"), 0, T0 + HOLD_MS)).seatIds()).containsExactly("S5");
    }

    @Test
    @DisplayName("a second confirm answers WrongStatus with the CONFIRMED reservation")
    void secondConfirm() {
        Reservation reservation = held(hold(List.of(), 1, T0));
        reservations.confirm(reservation.id(), "pi-1", "order-1", T0 + 1);

        assertThat(reservations.confirm(reservation.id(), "pi-2", "order-2", T0 + 2))
                .isEqualTo(new Transition.WrongStatus(reservation.withStatus(Status.CONFIRMED, "pi-1", "order-1")));
    }

    @Test
    @DisplayName("cancel of a hold returns its seats; a cancelled reservation cannot be confirmed")
    void cancelReturnsSeats() {
        // Given all seats held
        Reservation reservation = held(hold(List.of(), 10, T0));

        // When it is cancelled
        Transition transition = reservations.cancel(reservation.id(), T0 + 1);

        // Then it is CANCELLED, the seats are free, and confirm is refused
        assertThat(transition).isEqualTo(new Transition.Done(reservation.withStatus(Status.CANCELLED, null, null)));
        assertThat(reservations.seatCounts(T0 + 1)).containsEntry(eventId, new SeatCounts(0, 0));
        assertThat(held(hold(List.of(), 10, T0 + 2)).quantity()).isEqualTo(10);
        assertThat(reservations.confirm(reservation.id(), "pi", "o", T0 + 3))
                .isInstanceOf(Transition.WrongStatus.class);
    }

    @Test
    @DisplayName("unknown reservations are not found")
    void unknownReservation() {
        String id = UUID.randomUUID().toString();
        assertThat(reservations.find(id, T0)).isEqualTo(Optional.empty());
        assertThat(reservations.confirm(id, "pi", "o", T0)).isEqualTo(new Transition.NotFound());
        assertThat(reservations.cancel(id, T0)).isEqualTo(new Transition.NotFound());
    }

    @Test
    @DisplayName("seat counts report held and sold seats per event")
    void seatCounts() {
        // Given 3 held, 2 of them confirmed later, in one event
        held(hold(List.of(), 1, T0));
        Reservation sold = held(hold(List.of(), 2, T0));
        reservations.confirm(sold.id(), "pi", "o", T0 + 1);

        // When / Then
        assertThat(reservations.seatCounts(T0 + 1)).containsEntry(eventId, new SeatCounts(1, 2));
    }
}
