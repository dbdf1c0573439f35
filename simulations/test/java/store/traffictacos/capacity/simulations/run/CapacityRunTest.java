package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
