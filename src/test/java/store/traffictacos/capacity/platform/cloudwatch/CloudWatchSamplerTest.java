package store.traffictacos.capacity.platform.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.MINUTE;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.NODE_A;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.NODE_B;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.T0;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.TEST_CREDENTIALS;
import static store.traffictacos.capacity.platform.cloudwatch.CloudWatchMetricsFetchTest.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("CloudWatchSampler (live mode)")
class CloudWatchSamplerTest {

    private static CloudWatchSampler sampler(CloudWatchSettings settings) {
        return new CloudWatchSampler(new ElastiCacheMetrics(settings, TEST_CREDENTIALS));
    }

    @Test
    @DisplayName("returns each datapoint once across successive samples, late-published ones included")
    void eachDatapointOnce() throws Exception {
        // Given CloudWatch holding two minutes of node A
        StoredDatapoints stored = new StoredDatapoints()
                .put(NODE_A + "/CPUUtilization", T0, 10)
                .put(NODE_A + "/CPUUtilization", T0 + MINUTE, 11);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                CloudWatchSampler sampler = sampler(settings(cloudWatch.endpoint(), NODE_A, NODE_B))) {
            List<PlatformSample> first = sampler.sample(T0 + 3 * MINUTE + 5_000);

            // When CloudWatch publishes a newer minute of A and, late, the first minute of B
            stored.put(NODE_A + "/CPUUtilization", T0 + 2 * MINUTE, 12).put(NODE_B + "/CPUUtilization", T0, 20);
            List<PlatformSample> second = sampler.sample(T0 + 4 * MINUTE + 5_000);
            List<PlatformSample> third = sampler.sample(T0 + 5 * MINUTE + 5_000);

            // Then
            assertThat(first)
                    .extracting(PlatformSample::series, PlatformSample::epochMs)
                    .containsExactly(
                            tuple(NODE_A + "/CPUUtilization", T0), tuple(NODE_A + "/CPUUtilization", T0 + MINUTE));
            assertThat(second)
                    .extracting(PlatformSample::series, PlatformSample::epochMs)
                    .containsExactly(
                            tuple(NODE_B + "/CPUUtilization", T0), tuple(NODE_A + "/CPUUtilization", T0 + 2 * MINUTE));
            assertThat(third).isEmpty();
            assertThat(first).allMatch(sample -> sample.source().equals("cloudwatch"));
        }
    }

    @Test
    @DisplayName("the first sample reads the last five minutes, widened to whole periods")
    void firstWindow() throws Exception {
        // Given
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(new StoredDatapoints().answers());
                CloudWatchSampler sampler = sampler(settings(cloudWatch.endpoint(), NODE_A))) {
            // When
            sampler.sample(T0 + 10 * MINUTE + 5_000);

            // Then
            JsonNode request = cloudWatch.requests().get(0).body();
            assertThat(StoredDatapoints.epochMs(request.get("StartTime"))).isEqualTo(T0 + 5 * MINUTE);
            assertThat(StoredDatapoints.epochMs(request.get("EndTime"))).isEqualTo(T0 + 11 * MINUTE);
        }
    }

    @Test
    @DisplayName("after a stall longer than the lookback, reads back to the newest datapoint returned")
    void readsBackAfterStall() throws Exception {
        // Given a sampler that returned a datapoint at T0
        StoredDatapoints stored = new StoredDatapoints().put(NODE_A + "/CPUUtilization", T0, 10);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                CloudWatchSampler sampler = sampler(settings(cloudWatch.endpoint(), NODE_A))) {
            assertThat(sampler.sample(T0 + 2 * MINUTE)).hasSize(1);

            // When the next sample comes 20 minutes later
            sampler.sample(T0 + 22 * MINUTE);

            // Then it asks from T0, not from 5 minutes back
            JsonNode request = cloudWatch.requests().get(1).body();
            assertThat(StoredDatapoints.epochMs(request.get("StartTime"))).isEqualTo(T0);
        }
    }

    @Test
    @DisplayName("holds back the datapoint of a period still under way until the period is over")
    void holdsBackOpenPeriod() throws Exception {
        // Given 5-minute periods, the second one under way at the first sample
        StoredDatapoints stored = new StoredDatapoints()
                .put(NODE_A + "/CacheHits", T0, 3000)
                .put(NODE_A + "/CacheHits", T0 + 5 * MINUTE, 900);
        try (FakeCloudWatch cloudWatch = new FakeCloudWatch(stored.answers());
                CloudWatchSampler sampler =
                        sampler(settings(cloudWatch.endpoint(), NODE_A).withPeriod(Duration.ofMinutes(5)))) {
            // When
            List<PlatformSample> during = sampler.sample(T0 + 7 * MINUTE);
            stored.put(NODE_A + "/CacheHits", T0 + 5 * MINUTE, 2400);
            List<PlatformSample> after = sampler.sample(T0 + 11 * MINUTE);

            // Then
            assertThat(during)
                    .extracting(PlatformSample::epochMs, PlatformSample::value)
                    .containsExactly(tuple(T0, 10.0));
            assertThat(after)
                    .extracting(PlatformSample::epochMs, PlatformSample::value)
                    .containsExactly(tuple(T0 + 5 * MINUTE, 8.0));
        }
    }

    @Test
    @DisplayName("an unreachable CloudWatch gives no samples and the fetcher's reason, without throwing")
    void reasonIsTheFetchers() throws Exception {
        // Given nothing listening
        URI nobody = URI.create("http://127.0.0.1:" + FakeCloudWatch.unusedPort());
        try (CloudWatchSampler sampler = sampler(settings(nobody, NODE_A))) {
            // When
            List<PlatformSample> samples = sampler.sample(T0);

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason()).hasValue("cloudwatch: unreachable: Connection refused");
            assertThat(sampler.source()).isEqualTo("cloudwatch");
        }
    }
}
