package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetTls;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.netty.SelfSignedCertificate;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.RunnerResults;
import store.traffictacos.capacity.results.RunnerTransport;

/**
 * One runner against a slow platform (the reference target answering every API request after 1 s), in
 * this JVM: the open model stays open. About 20 s each (5 s warm-up, 10 s of load, the last answers).
 */
@DisplayName("A runner under a slow platform keeps the offered rate")
class OverloadIT {
    private static final double RATE = 3_000;
    private static final int SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    @DisplayName("with default settings, offered 3,000 req/s against 1 s answers: sent and answered within 1 %")
    void http1KeepsTheRate() throws IOException {
        // Given
        try (ReferenceTarget target = ReferenceTarget.start(slowTarget(1_000))) {

            // When
            RunnerResults runner = run(Map.of("target.url", target.baseUrl().toString()), RATE);

            // Then
            assertKeptTheRate(runner);
            assertThat(runner.transport())
                    .extracting(RunnerTransport::httpVersion)
                    .isEqualTo("1.1");
        }
    }

    @Test
    @DisplayName("over HTTPS/2 against target --tls: the same, on at most 100 connections opened")
    void http2KeepsTheRateOnFewConnections() throws IOException {
        // Given
        try (ReferenceTarget target = ReferenceTarget.start(slowTarget(1_000).withTls(TargetTls.selfSigned()))) {

            // When
            RunnerResults runner = run(
                    Map.of(
                            "target.url",
                            target.baseUrl().toString(),
                            "http.version",
                            "2",
                            "tls.trust.store",
                            target.trustStore().toString(),
                            "tls.trust.password",
                            SelfSignedCertificate.TRUST_STORE_PASSWORD,
                            // Gatling's HTTP/2 pool opens a connection for each request that arrives while
                            // the TLS handshakes run: a gentler ramp than the default 5 s keeps them few
                            // (docs/simulation.md), as `run`'s 15 s warm-up does
                            "warmup.seconds",
                            "12"),
                    RATE);

            // Then
            assertKeptTheRate(runner);
            assertThat(runner.transport().warmUpConnectionsOpened()
                            + runner.connections().opened())
                    .as("connections the runner opened, warm-up included")
                    .isBetween(1L, 100L);
        }
    }

    @Test
    @DisplayName("a target that never answers gives 'timeout' outcomes at the configured timeout, with the "
            + "requests in flight bounded by rate × timeout and nothing kept after")
    void neverAnswering() throws IOException {
        // Given a target that answers its health check but no API request within the run
        double rate = 500;
        try (ReferenceTarget target = ReferenceTarget.start(slowTarget(600_000))) {
            long heapBefore = heapAfterGc();

            // When
            RunnerResults runner =
                    run(Map.of("target.url", target.baseUrl().toString(), "request.timeout", "2s"), rate);

            // Then every request ended as a timeout, 2 s after it was sent (less than 300 ms late)
            MergedResults merged = MergedResults.ofRunner(runner);
            assertThat(merged.countByOutcome()).containsOnlyKeys("timeout");
            Histogram latencies = merged.total();
            // (HDR histograms keep 3 significant digits: 2 s is stored as 1.999872 s)
            assertThat(latencies.getMinValue()).isGreaterThanOrEqualTo(1_999_000);
            assertThat(latencies.getValueAtPercentile(99)).isLessThan(2_300_000);
            assertThat(latencies.getTotalCount()).isEqualTo(sum(runner.sentPerSecond()));
            // and in flight stayed at rate × timeout, so memory too: nothing accumulates
            assertThat(runner.connections().peakInFlight())
                    .as("most requests outstanding at once")
                    .isBetween(900L, (long) (rate * 2 * 1.1));
            assertThat(heapAfterGc() - heapBefore)
                    .as("heap kept after the run, bytes")
                    .isLessThan(64L << 20);
        }
    }

    private static TargetConfig slowTarget(double serviceTimeMs) {
        return TargetConfig.defaults()
                .withPort(0)
                .withCapacity(0, serviceTimeMs, 1_000)
                .withRateLimit(new RateLimit(0, 0));
    }

    private RunnerResults run(Map<String, String> settings, double rate) throws IOException {
        Path profile = Files.writeString(
                dir.resolve("flat.yaml"),
                "name: flat\nphases:\n  - {name: flat, duration: " + SECONDS + "s, rps: " + (long) rate + "}\n");
        Map<String, String> properties = new HashMap<>(Map.of("warmup.seconds", "5"));
        properties.putAll(settings);
        properties.putAll(Map.of(
                "profile.file",
                profile.toString(),
                "run.id",
                "overload",
                "reports.dir",
                dir.resolve("run").toString()));
        int exitCode = GatlingLauncher.run(properties, dir.resolve("gatling"), false);
        assertThat(exitCode).as("Gatling's exit code").isZero();
        return ResultsFiles.read(dir.resolve("run").resolve("runner-0"));
    }

    /** Sent within 1 % of the schedule, and answered (ok) within 1 % of what was sent. */
    private static void assertKeptTheRate(RunnerResults runner) {
        long scheduled = sum(runner.manifest().scheduledPerSecond());
        long sent = sum(runner.sentPerSecond());
        long answered = MergedResults.ofRunner(runner)
                .window(
                        0,
                        Long.MAX_VALUE,
                        endpoint -> true,
                        outcome -> outcome.equals("ok") || outcome.equals("not_ready"))
                .getTotalCount();
        assertThat(scheduled).isEqualTo((long) (RATE * SECONDS));
        assertThat((double) sent).as("sent of %d scheduled", scheduled).isBetween(scheduled * 0.99, scheduled * 1.01);
        assertThat((double) answered).as("answered of %d sent", sent).isBetween(sent * 0.99, sent * 1.0);
        assertThat(MergedResults.ofRunner(runner).countByOutcome().keySet()).isSubsetOf(List.of("ok", "not_ready"));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
