package store.traffictacos.capacity.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.runner.RunFolder;

@DisplayName("PlatformSampling")
class PlatformSamplingTest {
    @TempDir
    Path runDir;

    @Test
    @DisplayName(
            "a source read for the whole window afterwards replaces its live samples; a failing one is listed, not fatal")
    void windowReadReplacesLive() throws Exception {
        // Given a live CloudWatch sampler, a live Redis sampler, and CloudWatch read again afterwards
        AtomicInteger liveCloudWatchCalls = new AtomicInteger();
        AtomicInteger redisCalls = new AtomicInteger();
        PlatformSampler liveCloudWatch = sampler("cloudwatch", "n1/EngineCPUUtilization", 10, liveCloudWatchCalls);
        PlatformSampler redis = sampler("redis", "10.0.0.1:6379/cpu_pct", 20, redisCalls);
        PlatformWindowSource afterwards = new PlatformWindowSource() {
            @Override
            public String source() {
                return "cloudwatch";
            }

            @Override
            public Window fetch(long fromEpochMs, long toEpochMs) {
                return new Window(
                        List.of(new PlatformSample("cloudwatch", "n1/EngineCPUUtilization", fromEpochMs, 99, "%")),
                        "cloudwatch: PartialData for n1/CPUUtilization");
            }
        };
        PlatformSampling sampling =
                new PlatformSampling(List.of(liveCloudWatch, redis), List.of(afterwards), Duration.ofMillis(20));

        // When both live samplers sampled (the first sampling is at the start), then the run ends
        sampling.start();
        await().atMost(Duration.ofSeconds(3)).until(() -> liveCloudWatchCalls.get() >= 1 && redisCalls.get() >= 1);
        sampling.finish(runDir, 1_000, 2_000);
        sampling.close();

        // Then
        PlatformSeriesFile.Contents written = PlatformSeriesFile.read(new RunFolder(runDir).platformFile());
        assertThat(written.samples())
                .filteredOn(sample -> sample.source().equals("cloudwatch"))
                .containsExactly(new PlatformSample("cloudwatch", "n1/EngineCPUUtilization", 1_000, 99, "%"));
        assertThat(written.samples())
                .filteredOn(sample -> sample.source().equals("redis"))
                .isNotEmpty();
        assertThat(written.unavailable()).containsEntry("cloudwatch", "cloudwatch: PartialData for n1/CPUUtilization");
    }

    private static PlatformSampler sampler(String source, String series, double value, AtomicInteger calls) {
        return new PlatformSampler() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public List<PlatformSample> sample(long epochMs) {
                calls.incrementAndGet();
                return List.of(new PlatformSample(source, series, epochMs, value, "%"));
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }
        };
    }
}
