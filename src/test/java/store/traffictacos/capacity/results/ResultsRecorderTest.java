package store.traffictacos.capacity.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static store.traffictacos.capacity.results.TestRuns.START;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ResultsRecorder")
class ResultsRecorderTest {
    private final ResultsRecorder recorder = new ResultsRecorder(START);

    @Test
    @DisplayName("a response lands in the second its request was sent, however late it is answered")
    void bucketsBySendSecond() {
        // When
        recorder.record(START, "GET /a", "ok", 5_000_000);
        recorder.record(START + 999, "GET /a", "ok", 10);
        recorder.record(START + 1_000, "GET /a", "ok", 20);

        // Then
        Snapshot snapshot = recorder.snapshot();
        assertThat(snapshot.series())
                .containsOnlyKeys(new SeriesKey(0, "GET /a", "ok"), new SeriesKey(1, "GET /a", "ok"));
        assertThat(snapshot.series().get(new SeriesKey(0, "GET /a", "ok")).totalCount())
                .isEqualTo(2);
        assertThat(snapshot.series()
                        .get(new SeriesKey(1, "GET /a", "ok"))
                        .toHistogram()
                        .getMaxValue())
                .isEqualTo(20);
    }

    @Test
    @DisplayName("each (second, endpoint, outcome) has its own series")
    void seriesPerEndpointAndOutcome() {
        // When
        recorder.record(START, "GET /a", "ok", 10);
        recorder.record(START, "GET /a", "http_500", 10);
        recorder.record(START, "POST /b", "ok", 10);

        // Then
        assertThat(recorder.snapshot().series())
                .containsOnlyKeys(
                        new SeriesKey(0, "GET /a", "http_500"),
                        new SeriesKey(0, "GET /a", "ok"),
                        new SeriesKey(0, "POST /b", "ok"));
    }

    @Test
    @DisplayName("requests sent before the start instant are neither counted nor recorded")
    void ignoresBeforeStart() {
        // When
        recorder.sent(START - 1);
        recorder.record(START - 1, "GET /a", "ok", 10);

        // Then
        Snapshot snapshot = recorder.snapshot();
        assertThat(snapshot.series()).isEmpty();
        assertThat(snapshot.sentPerSecond()).isEmpty();
    }

    @Test
    @DisplayName("sent requests are counted per second of sending, with 0 for quiet seconds")
    void countsSentPerSecond() {
        // When
        recorder.sent(START);
        recorder.sent(START + 10);
        recorder.sent(START + 2_500);

        // Then
        assertThat(recorder.snapshot().sentPerSecond()).containsExactly(2, 0, 1);
    }

    @Test
    @DisplayName("a snapshot keeps its content when recording goes on, and the next one has everything")
    void snapshotsAreCopiesAndCumulative() {
        // Given
        recorder.record(START, "GET /a", "ok", 10);
        Snapshot first = recorder.snapshot();

        // When
        recorder.record(START, "GET /a", "ok", 30);
        Snapshot second = recorder.snapshot();

        // Then
        SeriesKey key = new SeriesKey(0, "GET /a", "ok");
        assertThat(first.series().get(key).totalCount()).isEqualTo(1);
        assertThat(second.series().get(key).totalCount()).isEqualTo(2);
        assertThat(second.series().get(key).toHistogram().getMaxValue()).isEqualTo(30);
    }

    @Test
    @DisplayName("a send time that is not epoch milliseconds (here nanoseconds) is refused, not bucketed")
    void refusesOtherUnits() {
        assertThatThrownBy(() -> recorder.sent(START * 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected epoch milliseconds");
    }

    @Test
    @DisplayName("8 threads recording at once, with snapshots taken meanwhile, lose no sample")
    void concurrentRecordingLosesNothing() throws Exception {
        // Given
        int threads = 8;
        int perThread = 200_000;
        String[] endpoints = {"GET /a", "POST /b"};
        String[] outcomes = {"ok", "http_500", "timeout"};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean recording = new AtomicBoolean(true);

        // When
        List<Future<Histogram>> recorded = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            recorded.add(pool.submit(() -> {
                Histogram mine = new Histogram(3);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                go.await();
                for (int i = 0; i < perThread; i++) {
                    long sentAt = START + random.nextLong(20_000);
                    long latency = 1 + random.nextLong(2_000_000);
                    recorder.sent(sentAt);
                    recorder.record(sentAt, endpoints[i % 2], outcomes[i % 3], latency);
                    mine.recordValue(latency);
                }
                return mine;
            }));
        }
        Thread snapshots = new Thread(() -> {
            while (recording.get()) {
                recorder.snapshot();
                Thread.onSpinWait();
            }
        });
        snapshots.start();
        go.countDown();
        Histogram expected = new Histogram(3);
        for (Future<Histogram> future : recorded) {
            expected.add(future.get());
        }
        recording.set(false);
        snapshots.join();
        pool.shutdown();

        // Then
        Snapshot snapshot = recorder.snapshot();
        Histogram all = new Histogram(3);
        snapshot.series().values().forEach(counts -> counts.addTo(all));
        assertThat(snapshot.recorded()).isEqualTo((long) threads * perThread);
        assertThat(LongStream.of(snapshot.sentPerSecond()).sum()).isEqualTo((long) threads * perThread);
        assertThat(all).isEqualTo(expected);
    }
}
