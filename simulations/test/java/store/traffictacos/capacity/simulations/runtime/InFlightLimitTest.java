package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("In-flight limit")
class InFlightLimitTest {

    @Test
    @DisplayName("at most max requests hold a slot; a released slot can be taken again")
    void bounds() {
        // Given
        InFlightLimit limit = new InFlightLimit(2);

        // Then
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isFalse();
        limit.release();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    @DisplayName("under contention from many threads no more than max slots are ever granted")
    void boundsUnderContention() throws Exception {
        // Given 8 threads racing for 3 slots, 10,000 times each
        InFlightLimit limit = new InFlightLimit(3);
        AtomicInteger highest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);

        // When
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    if (limit.tryAcquire()) {
                        highest.accumulateAndGet(limit.inFlight(), Math::max);
                        limit.release();
                    }
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // Then
        assertThat(highest.get()).isBetween(1, 3);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    @DisplayName("a bound below 1 is refused")
    void validates() {
        assertThatThrownBy(() -> new InFlightLimit(0)).hasMessage("runner.max.in.flight must be >= 1, got 0");
    }
}
