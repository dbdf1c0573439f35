package store.traffictacos.capacity.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Capacity model")
class CapacityModelTest {
    private static final long MS = 1_000_000;
    private static final long T0 = 1_000 * MS;

    @Test
    @DisplayName("without a capacity every request is answered after the service time")
    void unlimited() {
        // Given
        CapacityModel model = new CapacityModel(0, 5 * MS, 10);

        // Then
        assertThat(model.admit(T0)).isEqualTo(5 * MS);
        assertThat(model.admit(T0)).isEqualTo(5 * MS);
        assertThat(model.queued(T0)).isZero();
    }

    @Test
    @DisplayName("below capacity no request waits: latency is the service time")
    void belowCapacity() {
        // Given 1,000 req/s capacity and arrivals every 2 ms (500 req/s)
        CapacityModel model = new CapacityModel(1_000, 3 * MS, 100);

        // Then
        for (int i = 0; i < 50; i++) {
            assertThat(model.admit(T0 + i * 2 * MS)).isEqualTo(3 * MS);
        }
    }

    @Test
    @DisplayName("simultaneous arrivals start one interval apart, FIFO")
    void burstQueues() {
        // Given 1,000 req/s: one start per millisecond
        CapacityModel model = new CapacityModel(1_000, 0, 100);

        // Then
        for (int i = 0; i < 5; i++) {
            assertThat(model.admit(T0)).isEqualTo(i * MS);
        }
        assertThat(model.queued(T0)).isEqualTo(5);
    }

    @Test
    @DisplayName("with queueLimit requests waiting the next one is rejected and takes no slot")
    void boundedQueue() {
        // Given 1,000 req/s and room for 3 waiting requests
        CapacityModel model = new CapacityModel(1_000, 0, 3);
        for (int i = 0; i < 4; i++) {
            assertThat(model.admit(T0)).isEqualTo(i * MS);
        }

        // Then the fifth is rejected
        assertThat(model.admit(T0)).isEqualTo(CapacityModel.REJECTED);
        // And a millisecond later one slot has freed up
        assertThat(model.admit(T0 + MS)).isEqualTo(3 * MS);
    }

    @Test
    @DisplayName("under sustained overload the admitted rate is exactly the capacity")
    void overloadAdmitsCapacity() {
        // Given 1,000 req/s capacity offered 2,000 req/s for 10 s
        CapacityModel model = new CapacityModel(1_000, 0, 50);
        int admitted = 0;
        long lastWait = 0;
        for (int i = 0; i < 20_000; i++) {
            long wait = model.admit(T0 + i * MS / 2);
            if (wait != CapacityModel.REJECTED) {
                admitted++;
                lastWait = wait;
            }
        }

        // Then 10 s of capacity plus the queue that was waiting at the end
        assertThat(admitted).isBetween(10_000, 10_051);
        assertThat(lastWait).isBetween(49 * MS, 50 * MS);
    }

    @Test
    @DisplayName("negative settings are refused")
    void validates() {
        assertThatThrownBy(() -> new CapacityModel(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapacityModel(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapacityModel(1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
