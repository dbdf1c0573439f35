package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.guard.RateLimit;

@DisplayName("Capacity run")
class CapacityRunTest {

    @Test
    @DisplayName("an unreachable target fails before any load with a clear message")
    void unreachableTarget() throws Exception {
        // Given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RunSettings settings = RunSettings.from(
                Map.of("target.url", "http://127.0.0.1:" + port), Map.of(), System.currentTimeMillis());

        // Then
        assertThatThrownBy(() -> CapacityRun.prepare(settings))
                .hasMessageStartingWith("target http://127.0.0.1:" + port + " is unreachable: GET /healthz failed");
    }

    @Test
    @DisplayName("client.ips against a platform whose limit ignores X-Forwarded-For fails fast, in one line")
    void spreadingCannotHelp() {
        // Given a target that keys its (low, so that the probe can see it) limit on the peer alone
        try (ReferenceTarget target =
                ReferenceTarget.start(TargetConfig.defaults().withPort(0).withRateLimit(new RateLimit(5, 20, false)))) {
            RunSettings settings = RunSettings.from(
                    Map.of("target.url", target.baseUrl().toString(), "client.ips", "64"),
                    Map.of(),
                    System.currentTimeMillis());

            // Then
            assertThatThrownBy(() -> CapacityRun.prepare(settings))
                    .hasMessage("-Dclient.ips=64 cannot spread the load: the platform's per-client limit ignores"
                            + " X-Forwarded-For");
        }
    }
}
