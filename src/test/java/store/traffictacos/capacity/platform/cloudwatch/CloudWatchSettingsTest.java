package store.traffictacos.capacity.platform.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CloudWatchSettings")
class CloudWatchSettingsTest {

    @Test
    @DisplayName("defaults to the SDK's region chain, the public endpoint, 60 s and all nine metrics")
    void defaults() {
        // When
        CloudWatchSettings settings = CloudWatchSettings.of("tacos-redis-0001-001");

        // Then
        assertThat(settings.region()).isNull();
        assertThat(settings.endpointOverride()).isNull();
        assertThat(settings.period()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.metrics())
                .extracting(ElastiCacheMetric::metricName)
                .containsExactly(
                        "EngineCPUUtilization",
                        "CPUUtilization",
                        "DatabaseMemoryUsagePercentage",
                        "CurrConnections",
                        "CacheHits",
                        "CacheMisses",
                        "NetworkBytesIn",
                        "NetworkBytesOut",
                        "Evictions");
    }

    @Test
    @DisplayName("needs at least one node id")
    void needsANode() {
        assertThatThrownBy(() -> new CloudWatchSettings(List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cacheClusterIds must be one or more non-blank ElastiCache node ids");
    }

    @Test
    @DisplayName("rejects a blank node id")
    void rejectsBlankNode() {
        assertThatThrownBy(() -> CloudWatchSettings.of("tacos-redis-0001-001", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cacheClusterIds must be one or more non-blank ElastiCache node ids");
    }

    @Test
    @DisplayName("drops a node id given twice, so its series are not read twice")
    void dropsDuplicateNodes() {
        assertThat(CloudWatchSettings.of("tacos-redis-0001-001", "tacos-redis-0001-001")
                        .cacheClusterIds())
                .containsExactly("tacos-redis-0001-001");
    }

    @Test
    @DisplayName("reads a blank region as 'use the SDK's region chain'")
    void blankRegionIsDefaultChain() {
        assertThat(CloudWatchSettings.of("tacos-redis-0001-001").withRegion(" ").region())
                .isNull();
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(longs = {1, 5, 10, 30, 60, 120, 300, 3600})
    @DisplayName("takes a multiple of 60 s, or a high-resolution 1, 5, 10 or 30 s period")
    void acceptsPeriod(long seconds) {
        assertThat(CloudWatchSettings.of("tacos-redis-0001-001")
                        .withPeriod(Duration.ofSeconds(seconds))
                        .period())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {0, -60_000, 2_000, 45_000, 90_000, 61_000, 1_500})
    @DisplayName("rejects any other period in one line")
    void rejectsPeriod(long millis) {
        assertThatThrownBy(() -> CloudWatchSettings.of("tacos-redis-0001-001").withPeriod(Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("period must be a positive multiple of 60 s, or 1, 5, 10 or 30 s: ")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost:4566", "ftp://127.0.0.1:4566", "/just/a/path"})
    @DisplayName("rejects an endpoint override that is not http(s)://host[:port]")
    void rejectsEndpoint(String endpoint) {
        assertThatThrownBy(
                        () -> CloudWatchSettings.of("tacos-redis-0001-001").withEndpointOverride(URI.create(endpoint)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("endpointOverride must be an http(s)://host[:port] URI");
    }

    @Test
    @DisplayName("needs at least one metric")
    void needsAMetric() {
        assertThatThrownBy(() -> CloudWatchSettings.of("tacos-redis-0001-001").withMetrics(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics must name at least one metric");
    }
}
