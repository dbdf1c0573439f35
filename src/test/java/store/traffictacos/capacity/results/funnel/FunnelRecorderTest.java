package store.traffictacos.capacity.results.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A runner's funnel recorder")
class FunnelRecorderTest {
    private final FunnelRecorder recorder =
            new FunnelRecorder(0.5, List.of("ramp", "step"), List.of(Duration.ofSeconds(5), Duration.ofSeconds(10)));

    @Test
    @DisplayName("puts a join in the phase whose window holds it, counted from the measured start")
    void phaseOfAJoin() {
        // Given
        recorder.start(1_000);

        // When / Then
        assertThat(recorder.phaseOf(1_000)).isZero();
        assertThat(recorder.phaseOf(1_000 + Duration.ofSeconds(5).toNanos())).isEqualTo(1);
        assertThat(recorder.phaseOf(1_000 + Duration.ofSeconds(15).toNanos())).isEqualTo(FunnelRecorder.OUTSIDE);
        assertThat(recorder.phaseOf(999)).isEqualTo(FunnelRecorder.OUTSIDE);
    }

    @Test
    @DisplayName("counts nothing before the measured start")
    void beforeTheStart() {
        // When
        recorder.joined(recorder.phaseOf(0), true);

        // Then
        assertThat(recorder.snapshot().phases())
                .extracting(PhaseFunnel::journeys)
                .containsOnly(0L);
    }

    @Test
    @DisplayName("loses no count and no admission when every event loop records at once")
    void concurrentWriters() throws InterruptedException {
        // Given 8 threads that each admit 10,000 purchasing journeys of the step
        recorder.start(0);
        int step = recorder.phaseOf(Duration.ofSeconds(6).toNanos());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    recorder.joined(step, true);
                    recorder.admitted(
                            step, true, Duration.ofMillis(1 + i % 5_000).toNanos());
                }
            });
            thread.start();
            threads.add(thread);
        }

        // When
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        // Then
        PhaseFunnel funnel = recorder.snapshot().phases().get(step);
        assertThat(List.of(funnel.journeys(), funnel.joined(), funnel.admitted()))
                .containsOnly(80_000L);
        assertThat(funnel.admissionMs().getTotalCount()).isEqualTo(80_000);
    }

    @Test
    @DisplayName("hands out every admission at every snapshot, not only those since the last")
    void snapshotsAccumulate() {
        // Given
        recorder.start(0);
        recorder.admitted(0, false, Duration.ofSeconds(3).toNanos());
        recorder.snapshot();

        // When
        recorder.admitted(0, false, Duration.ofSeconds(4).toNanos());

        // Then
        assertThat(recorder.snapshot().phases().get(0).admissionMs().getTotalCount())
                .isEqualTo(2);
    }
}
