package store.traffictacos.capacity.results.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InvariantCheck")
class InvariantCheckTest {
    private static final String TOKEN_A = "6f1c1e2a-4b6d-4c1e-9a6b-0c1d2e3f4a5b";
    private static final String TOKEN_B = "7f1c1e2a-4b6d-4c1e-9a6b-0c1d2e3f4a5b";
    private static final String RESERVATION = "8f1c1e2a-4b6d-4c1e-9a6b-0c1d2e3f4a5b";

    @Test
    @DisplayName("a clean sale passes every invariant, each with what it was checked on")
    void cleanSalePasses() {
        // Given
        Ledger ledger = new Ledger();
        ledger.admitted(TOKEN_A, 1_000);
        ledger.approved(RESERVATION);
        ledger.confirmed("evt_1", List.of("S1", "S2"), RESERVATION, true, false);
        ledger.confirmed("evt_2", List.of("S1"), "r-2", true, false);

        // When
        Map<Invariant, InvariantResult> results = byInvariant(InvariantCheck.check(List.of(ledger.data())));

        // Then
        assertThat(results.values()).allMatch(InvariantResult::pass);
        assertThat(results.get(Invariant.SEAT_SOLD_ONCE).observations()).isEqualTo(3);
        assertThat(results.get(Invariant.TOKEN_ADMITTED_ONCE).observations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a seat confirmed to two journeys of one runner fails seat_sold_once alone, naming the seat")
    void seatSoldTwiceInOneRunner() {
        // Given
        Ledger ledger = new Ledger();
        ledger.confirmed("evt_1", List.of("A-1", "A-2"), "r-1", true, false);
        ledger.confirmed("evt_1", List.of("A-1", "A-2"), "r-2", true, false);

        // When
        Map<Invariant, InvariantResult> results = byInvariant(InvariantCheck.check(List.of(ledger.data())));

        // Then
        assertThat(results.get(Invariant.SEAT_SOLD_ONCE).violations()).isEqualTo(2);
        assertThat(results.get(Invariant.SEAT_SOLD_ONCE).examples()).containsExactly("evt_1/A-1", "evt_1/A-2");
        assertThat(othersThan(results, Invariant.SEAT_SOLD_ONCE)).allMatch(InvariantResult::pass);
    }

    @Test
    @DisplayName("runners 0 and 2 of 3 each selling seat S7 once is still a double sale on the merged ledgers")
    void doubleSaleSplitAcrossRunners() {
        // Given
        Ledger runner0 = new Ledger();
        runner0.confirmed("evt_3", List.of("S7"), "r-0", true, false);
        Ledger runner1 = new Ledger();
        runner1.confirmed("evt_3", List.of("S8"), "r-1", true, false);
        Ledger runner2 = new Ledger();
        runner2.confirmed("evt_3", List.of("S7"), "r-2", true, false);

        // When
        Map<Invariant, InvariantResult> results =
                byInvariant(InvariantCheck.check(List.of(runner0.data(), runner1.data(), runner2.data())));

        // Then
        assertThat(results.get(Invariant.SEAT_SOLD_ONCE).violations()).isEqualTo(1);
        assertThat(results.get(Invariant.SEAT_SOLD_ONCE).examples()).containsExactly("evt_3/S7");
        assertThat(othersThan(results, Invariant.SEAT_SOLD_ONCE)).allMatch(InvariantResult::pass);
    }

    @Test
    @DisplayName("with the stock known, each seat an event sold beyond it is a violation, even with no seat sold twice")
    void beyondStock() {
        // Given events of 2 seats; runner 0 sells S1 and S2 of evt_1, runner 1 sells S3 of evt_1 and S1 of evt_2
        Ledger runner0 = new Ledger(2);
        runner0.confirmed("evt_1", List.of("S1", "S2"), "r-0", true, false);
        Ledger runner1 = new Ledger(2);
        runner1.confirmed("evt_1", List.of("S3"), "r-1", true, false);
        runner1.confirmed("evt_2", List.of("S1"), "r-2", true, false);

        // When
        InvariantResult seats = byInvariant(InvariantCheck.check(List.of(runner0.data(), runner1.data())))
                .get(Invariant.SEAT_SOLD_ONCE);

        // Then
        assertThat(seats.violations()).isEqualTo(1);
        assertThat(seats.examples()).containsExactly("evt_1 (3 seats sold of 2)");
    }

    @Test
    @DisplayName("the same seat number in two events, or under two prefixes, is no double sale")
    void seatsAreDistinctPerEventAndPrefix() {
        // Given
        Ledger ledger = new Ledger();
        ledger.confirmed("evt_1", List.of("S1", "A1", "S01", "VIP"), "r-1", true, false);
        ledger.confirmed("evt_2", List.of("S1", "A1", "S01", "VIP"), "r-2", true, false);

        // When
        InvariantResult seats =
                byInvariant(InvariantCheck.check(List.of(ledger.data()))).get(Invariant.SEAT_SOLD_ONCE);

        // Then
        assertThat(seats.pass()).isTrue();
        assertThat(seats.observations()).isEqualTo(8);
    }

    @Test
    @DisplayName("a waiting token granted enter twice fails token_admitted_once alone")
    void tokenAdmittedTwice() {
        // Given
        Ledger ledger = new Ledger();
        ledger.admitted(TOKEN_A, 1_000);
        ledger.admitted(TOKEN_A, 2_000);
        ledger.admitted(TOKEN_B, 2_000);

        // When
        Map<Invariant, InvariantResult> results = byInvariant(InvariantCheck.check(List.of(ledger.data())));

        // Then
        assertThat(results.get(Invariant.TOKEN_ADMITTED_ONCE).violations()).isEqualTo(1);
        assertThat(results.get(Invariant.TOKEN_ADMITTED_ONCE).examples()).containsExactly(TOKEN_A);
        assertThat(othersThan(results, Invariant.TOKEN_ADMITTED_ONCE)).allMatch(InvariantResult::pass);
    }

    @Test
    @DisplayName("a token one runner saw leave and another saw admitted later is admitted after leave")
    void admittedAfterLeaveAcrossRunners() {
        // Given
        Ledger leaving = new Ledger();
        leaving.left(TOKEN_A, 5_000);
        Ledger entering = new Ledger();
        entering.admitted(TOKEN_A, 6_000);
        entering.admitted(TOKEN_B, 4_000);
        Ledger leftAfterEntering = new Ledger();
        leftAfterEntering.left(TOKEN_B, 4_500);

        // When
        InvariantResult tokens = byInvariant(
                        InvariantCheck.check(List.of(leaving.data(), entering.data(), leftAfterEntering.data())))
                .get(Invariant.TOKEN_ADMITTED_ONCE);

        // Then
        assertThat(tokens.violations()).isEqualTo(1);
        assertThat(tokens.examples()).containsExactly(TOKEN_A);
    }

    @Test
    @DisplayName("a confirm the journey saw no approved payment for fails confirm_paid_once alone")
    void confirmWithoutApprovedPayment() {
        // Given
        Ledger ledger = new Ledger();
        ledger.confirmed("evt_1", List.of("S1"), RESERVATION, false, false);

        // When
        Map<Invariant, InvariantResult> results = byInvariant(InvariantCheck.check(List.of(ledger.data())));

        // Then
        assertThat(results.get(Invariant.CONFIRM_PAID_ONCE).violations()).isEqualTo(1);
        assertThat(results.get(Invariant.CONFIRM_PAID_ONCE).examples()).containsExactly(RESERVATION);
        assertThat(othersThan(results, Invariant.CONFIRM_PAID_ONCE)).allMatch(InvariantResult::pass);
    }

    @Test
    @DisplayName("a reservation whose payment two runners saw approved was paid twice")
    void paidTwiceAcrossRunners() {
        // Given
        Ledger first = new Ledger();
        first.approved(RESERVATION);
        Ledger second = new Ledger();
        second.approved(RESERVATION);

        // When
        InvariantResult paid = byInvariant(InvariantCheck.check(List.of(first.data(), second.data())))
                .get(Invariant.CONFIRM_PAID_ONCE);

        // Then
        assertThat(paid.violations()).isEqualTo(1);
        assertThat(paid.examples()).containsExactly(RESERVATION);
    }

    @Test
    @DisplayName("a confirm that succeeded after its hold expired fails confirm_within_hold alone")
    void confirmAfterHoldExpiry() {
        // Given
        Ledger ledger = new Ledger();
        ledger.approved(RESERVATION);
        ledger.confirmed("evt_1", List.of("S1"), RESERVATION, true, true);

        // When
        Map<Invariant, InvariantResult> results = byInvariant(InvariantCheck.check(List.of(ledger.data())));

        // Then
        assertThat(results.get(Invariant.CONFIRM_WITHIN_HOLD).violations()).isEqualTo(1);
        assertThat(othersThan(results, Invariant.CONFIRM_WITHIN_HOLD)).allMatch(InvariantResult::pass);
    }

    @Test
    @DisplayName("examples stop at ten while every violation is counted")
    void examplesAreBounded() {
        // Given
        Ledger ledger = new Ledger();
        for (int journey = 0; journey < 50; journey++) {
            ledger.confirmed("evt_1", List.of("S" + (journey % 20 + 1)), "r-" + journey, true, false);
        }

        // When
        InvariantResult seats =
                byInvariant(InvariantCheck.check(List.of(ledger.data()))).get(Invariant.SEAT_SOLD_ONCE);

        // Then
        assertThat(seats.violations()).isEqualTo(30);
        assertThat(seats.examples()).hasSize(10);
    }

    static Map<Invariant, InvariantResult> byInvariant(List<InvariantResult> results) {
        assertThat(results).extracting(InvariantResult::invariant).containsExactly(Invariant.values());
        return results.stream().collect(Collectors.toMap(InvariantResult::invariant, Function.identity()));
    }

    private static List<InvariantResult> othersThan(Map<Invariant, InvariantResult> results, Invariant failing) {
        return results.values().stream()
                .filter(result -> result.invariant() != failing)
                .toList();
    }
}
