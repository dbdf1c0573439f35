package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Start gate")
class StartGateTest {

    @Test
    @DisplayName("the first measured user fixes one delay for all: the time left to the start instant")
    void firstUserFixesTheDelay() {
        // Given a start instant 800 ms after the first user arrives
        AtomicLong now = new AtomicLong(10_000);
        StartGate gate = new StartGate(() -> 10_800, now::get);

        // When users ask at the first arrival and 300 ms later
        long first = gate.delayMs();
        now.addAndGet(300);
        long later = gate.delayMs();

        // Then both wait the same delay, so their spacing is kept
        assertThat(first).isEqualTo(800);
        assertThat(later).isEqualTo(800);
    }

    @Test
    @DisplayName("users that arrive after the start instant do not wait")
    void lateUsersGoAtOnce() {
        StartGate gate = new StartGate(() -> 10_000, () -> 10_250);

        assertThat(gate.delayMs()).isZero();
    }
}
