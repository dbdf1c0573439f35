package store.traffictacos.capacity.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.RunSpec.AbortRules;
import store.traffictacos.capacity.runner.ProgressLine;

@DisplayName("LiveProgress")
class LiveProgressTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AbortSignal abort = new AbortSignal();
    private final LiveProgress progress = new LiveProgress(
            2, new AbortRules(0.5, 1_000, 10), abort, new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    @DisplayName("prints an interval once every runner reported it, with answers summed and the p99 of all latencies")
    void mergesRunners() {
        // Given runner 0 answered 100 requests at 1 ms and runner 1 100 at 50 ms in the first 5 s
        progress.accept(0, line(0, 5, 100, 0, 1_000));
        assertThat(text()).isEmpty();

        // When
        progress.accept(1, line(1, 5, 100, 0, 50_000));

        // Then 200 answers over 5 s, and a p99 that only the merged histogram gives
        assertThat(text())
                .contains("[    5s] achieved      40.0 rps  p99     50.0 ms  errors   0.00 %  (2 of 2 runners)");
    }

    @Test
    @DisplayName("an interval a runner never reports is printed once a later one arrives")
    void lateRunnerDoesNotBlock() {
        progress.accept(0, line(0, 5, 50, 0, 1_000));
        progress.accept(0, line(0, 10, 50, 0, 1_000));

        assertThat(text()).contains("[    5s] achieved      10.0 rps").contains("(1 of 2 runners)");
    }

    @Test
    @DisplayName("aborts the run once the error rate stays above the rule for its seconds, and not before")
    void abortRule() {
        // Given 5 s of 80 % errors
        report(5, 80);
        assertThat(abort.reason()).isNull();

        // When it lasts 10 s
        report(10, 80);

        // Then
        assertThat(abort.reason()).startsWith("abort rule: error rate above 50 % or p99 above 1000 ms for 10 s");
    }

    @Test
    @DisplayName("a good interval in between starts the count again")
    void breachMustBeContinuous() {
        report(5, 80);
        report(10, 0);
        report(15, 80);

        assertThat(abort.reason()).isNull();
    }

    @Test
    @DisplayName("lines that are not progress lines, or are cut off, are ignored")
    void otherLines() {
        progress.accept(0, "tacos-capacity: run x, runner 1 of 2");
        progress.accept(0, "tacos-progress 0 5 10 0 AAA");

        assertThat(text()).isEmpty();
    }

    private void report(long second, long errorsOf100) {
        progress.accept(0, line(0, second, 100, errorsOf100, 1_000));
        progress.accept(1, line(1, second, 100, errorsOf100, 1_000));
    }

    private static String line(int runner, long second, long answered, long errors, long micros) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(micros, answered);
        return new ProgressLine(runner, second, answered, errors, latency).format();
    }

    private String text() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
