package store.traffictacos.capacity.results.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ledger")
class LedgerTest {
    private static final String TOKEN = "00000000-0000-4000-8000-000000000001";

    /** Every kind of answer the ledger is told of, a double sale and a double admission among them. */
    private static void tellEverything(Ledger ledger) {
        ledger.admitted(TOKEN, 1_000);
        ledger.admitted(TOKEN, 2_000);
        ledger.left(TOKEN, 1_500);
        ledger.approved("r-1");
        ledger.confirmed("evt_1", List.of("S1", "S2"), "r-1", true, false);
        ledger.confirmed("evt_1", List.of("S1"), "r-2", false, true);
    }

    @Test
    @DisplayName("a ledger that is off (-Dinvariants=off) records nothing, not even what breaks an invariant")
    void offRecordsNothing() {
        // Given
        Ledger ledger = Ledger.off();

        // When
        tellEverything(ledger);

        // Then
        Ledger.Data data = ledger.data();
        assertThat(ledger.keeping()).isFalse();
        assertThat(data.seats().numbered).isEmpty();
        assertThat(data.seats().named).isEmpty();
        assertThat(data.admitted().size()).isZero();
        assertThat(data.left().size()).isZero();
        assertThat(data.approved().size()).isZero();
        assertThat(data.local()).allSatisfy(result -> {
            assertThat(result.observations()).isZero();
            assertThat(result.violations()).isZero();
        });
    }

    @Test
    @DisplayName("a ledger that is on records the same answers, and the violations in them")
    void onRecords() {
        // Given
        Ledger ledger = new Ledger();

        // When
        tellEverything(ledger);

        // Then
        Ledger.Data data = ledger.data();
        assertThat(ledger.keeping()).isTrue();
        assertThat(data.admitted().size()).isEqualTo(1);
        assertThat(data.approved().size()).isEqualTo(1);
        assertThat(data.local()).anySatisfy(result -> {
            assertThat(result.invariant()).isEqualTo(Invariant.SEAT_SOLD_ONCE);
            assertThat(result.violations()).isEqualTo(1);
        });
    }
}
