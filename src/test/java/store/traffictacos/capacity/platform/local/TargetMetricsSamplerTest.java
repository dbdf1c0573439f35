package store.traffictacos.capacity.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("TargetMetricsSampler")
class TargetMetricsSamplerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private ReferenceTarget target;

    @BeforeEach
    void startTarget() {
        target = ReferenceTarget.start(TargetConfig.defaults().withPort(0));
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Test
    @DisplayName("requests_per_sec is the growth of the target's request counter over the samples' interval")
    void requestRate() throws Exception {
        // Given a sample taken, then 30 requests answered
        TargetMetricsSampler sampler = new TargetMetricsSampler(target.baseUrl());
        List<PlatformSample> first = sampler.sample(10_000);
        for (int i = 0; i < 30; i++) {
            get("/api/v1/queue/status?token=missing");
        }

        // When sampled again 2 s later on the run's clock
        List<PlatformSample> second = sampler.sample(12_000);

        // Then the first sample has no rate; the second counts 30 requests and the first scrape, over 2 s
        assertThat(first).extracting(PlatformSample::series).doesNotContain("requests_per_sec");
        PlatformSample rate = second.stream()
                .filter(s -> s.series().equals("requests_per_sec"))
                .findFirst()
                .orElseThrow();
        assertThat(rate.value()).isEqualTo((30 + 1) / 2.0);
        assertThat(rate)
                .extracting(PlatformSample::source, PlatformSample::epochMs, PlatformSample::unit)
                .containsExactly("target", 12_000L, "/s");
        assertThat(second)
                .extracting(PlatformSample::series)
                .contains("capacity_queue_depth", "capacity_rejections_per_sec");
        assertThat(sampler.unavailableReason()).isEmpty();
    }

    @Test
    @DisplayName("a target that is not listening gives no samples and a one-line reason, without throwing")
    void unreachable() throws Exception {
        // Given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TargetMetricsSampler sampler = new TargetMetricsSampler(URI.create("http://127.0.0.1:" + port));

        // When
        List<PlatformSample> samples = sampler.sample(1_000);

        // Then
        assertThat(samples).isEmpty();
        assertThat(sampler.unavailableReason())
                .hasValue("target http://127.0.0.1:" + port + "/metrics unavailable: Connection refused");
    }

    @Test
    @DisplayName(
            "Prometheus text: values summed by metric name over label sets, comments and unparsable values skipped")
    void parsesPrometheusText() {
        // Given
        String text = """
                # HELP tacos_waiting_users Users in the waiting room, by event
                tacos_waiting_users{event_id="evt 1"} 3.0
                tacos_waiting_users{event_id="evt_2"} 4.5 1700000000000
                tacos_capacity_queue_depth 7.0
                le_bucket{le="+Inf"} +Inf
                """;

        // When
        Map<String, Double> sums = TargetMetricsSampler.PrometheusText.sumsByName(text);

        // Then
        assertThat(sums)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("tacos_waiting_users", 7.5, "tacos_capacity_queue_depth", 7.0));
    }

    private void get(String path) throws Exception {
        http.send(
                HttpRequest.newBuilder(target.baseUrl().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
