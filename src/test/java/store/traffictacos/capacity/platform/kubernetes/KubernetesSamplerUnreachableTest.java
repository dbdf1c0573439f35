package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.platform.PlatformSample;

@DisplayName("KubernetesSampler without an API server")
class KubernetesSamplerUnreachableTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static KubernetesClient clientOf(String url) {
        return KubernetesClients.forSampling(
                new ConfigBuilder(Config.empty()).withMasterUrl(url).build(), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("an API server that refuses connections gives no samples and one reason, at once and without throwing")
    void refused() throws IOException {
        // Given nothing listening where the API server should be
        String url = "http://127.0.0.1:" + closedPort() + "/";
        try (KubernetesClient client = clientOf(url);
                KubernetesSampler sampler = new KubernetesSampler(KubernetesSamplerSettings.defaults(), client)) {
            // When the client's default retries would take over a minute
            List<PlatformSample> samples =
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sampler.sample(1_000L));

            // Then (the JDK client gives no message for a refused connection; a future one may)
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .matches("kubernetes: API server \\Q" + url + "\\E unreachable: "
                                    + "(connection failed|Connection refused)"));
        }
    }

    @Test
    @DisplayName("an API server whose name does not resolve gives no samples and 'unknown host'")
    void unknownHost() {
        // Given a name that never resolves (RFC 6761)
        String url = "http://kube-api.tacos.invalid:6443/";
        try (KubernetesClient client = clientOf(url);
                KubernetesSampler sampler = new KubernetesSampler(KubernetesSamplerSettings.defaults(), client)) {
            // When
            List<PlatformSample> samples =
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> sampler.sample(1_000L));

            // Then
            assertThat(samples).isEmpty();
            assertThat(sampler.unavailableReason())
                    .hasValue("kubernetes: API server " + url + " unreachable: unknown host");
        }
    }
}
