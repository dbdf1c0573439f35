package store.traffictacos.capacity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SamplingSchedule")
class SamplingScheduleTest {

    /** Counts its calls; the value of each sample is its call number; unavailable on calls listed. */
    static class CountingSampler implements PlatformSampler {
        final List<Long> calledAtNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean down;

        @Override
        public String source() {
            return "fake";
        }

        @Override
        public List<PlatformSample> sample(long epochMs) {
            calledAtNanos.add(System.nanoTime());
            int call = calls.incrementAndGet();
            return down ? List.of() : List.of(new PlatformSample("fake", "calls", epochMs, call, "calls"));
        }

        @Override
        public Optional<String> unavailableReason() {
            return down ? Optional.of("fake unavailable: switched off") : Optional.empty();
        }
    }

    @Test
    @DisplayName("samples right away and then every period, stamped on the run's clock")
    void samplesAtItsPeriod() {
        // Given a 100 ms schedule on a run clock starting at epoch ms 5,000,000
        CountingSampler sampler = new CountingSampler();
        long runStart = System.nanoTime();
        SamplingSchedule schedule = new SamplingSchedule(
                List.of(sampler),
                Duration.ofMillis(100),
                () -> 5_000_000 + (System.nanoTime() - runStart) / 1_000_000,
                1_000);

        // When
        schedule.start();
        await().atMost(Duration.ofSeconds(3)).until(() -> sampler.calls.get() >= 6);
        schedule.stop();

        // Then the first sample came at once and the rest about 100 ms apart
        assertThat((sampler.calledAtNanos.get(0) - runStart) / 1e6).isLessThan(500);
        List<Long> at = sampler.calledAtNanos;
        double meanGapMs = (at.get(5) - at.get(0)) / 5 / 1e6;
        assertThat(meanGapMs).isBetween(80.0, 160.0);
        List<PlatformSample> samples = schedule.samples();
        assertThat(samples)
                .extracting(PlatformSample::epochMs)
                .isSorted()
                .allMatch(ms -> ms >= 5_000_000 && ms < 5_010_000);
        assertThat(schedule.unavailable()).isEmpty();
    }

    @Test
    @DisplayName("after stop() returns no sampler is called again, and stop() is idempotent")
    void stopsForGood() {
        // Given a running 20 ms schedule
        CountingSampler sampler = new CountingSampler();
        SamplingSchedule schedule = new SamplingSchedule(List.of(sampler), Duration.ofMillis(20)).start();
        await().atMost(Duration.ofSeconds(3)).until(() -> sampler.calls.get() >= 3);

        // When
        schedule.stop();
        int callsAtStop = sampler.calls.get();
        schedule.stop();

        // Then no call for the time of several periods (a call would fail this at once)
        await().during(Duration.ofMillis(150))
                .atMost(Duration.ofSeconds(1))
                .until(() -> sampler.calls.get() == callsAtStop);
        assertThat(schedule.samples()).hasSize(callsAtStop);
    }

    @Test
    @DisplayName("the sampling thread is a daemon, so a forgotten schedule never keeps the JVM alive")
    void runsOnDaemonThread() {
        // Given
        AtomicLong daemon = new AtomicLong(-1);
        PlatformSampler probe = new PlatformSampler() {
            @Override
            public String source() {
                return "probe";
            }

            @Override
            public List<PlatformSample> sample(long epochMs) {
                daemon.set(Thread.currentThread().isDaemon() ? 1 : 0);
                return List.of();
            }
        };

        // When
        try (SamplingSchedule schedule = new SamplingSchedule(List.of(probe), Duration.ofSeconds(5)).start()) {
            await().atMost(Duration.ofSeconds(3)).until(() -> daemon.get() != -1);
        }

        // Then
        assertThat(daemon.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unavailable source is recorded with its reason while the other sources keep sampling")
    void recordsUnavailableSources() {
        // Given one source that is down and one that throws, against its contract, and one that works
        CountingSampler down = new CountingSampler();
        down.down = true;
        PlatformSampler throwing = new PlatformSampler() {
            @Override
            public String source() {
                return "broken";
            }

            @Override
            public List<PlatformSample> sample(long epochMs) {
                throw new IllegalStateException("boom");
            }
        };
        CountingSampler up = new CountingSampler() {
            @Override
            public String source() {
                return "up";
            }
        };

        // When
        try (SamplingSchedule schedule =
                new SamplingSchedule(List.of(down, throwing, up), Duration.ofMillis(20)).start()) {
            await().atMost(Duration.ofSeconds(3)).until(() -> up.calls.get() >= 3);
            schedule.stop();

            // Then
            assertThat(schedule.unavailable())
                    .containsEntry("fake", "fake unavailable: switched off")
                    .containsEntry("broken", "broken sampler failed: IllegalStateException")
                    .doesNotContainKey("up");
            assertThat(schedule.samples()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("memory is bounded: beyond maxSamples samples are counted as dropped, not kept")
    void boundsMemory() {
        // Given a schedule keeping at most 3 samples
        CountingSampler sampler = new CountingSampler();
        try (SamplingSchedule schedule =
                new SamplingSchedule(List.of(sampler), Duration.ofMillis(10), System::currentTimeMillis, 3).start()) {
            // When
            await().atMost(Duration.ofSeconds(3)).until(() -> sampler.calls.get() >= 6);
            schedule.stop();

            // Then
            assertThat(schedule.samples()).hasSize(3);
            assertThat(schedule.dropped()).isEqualTo(sampler.calls.get() - 3L);
        }
    }
}
