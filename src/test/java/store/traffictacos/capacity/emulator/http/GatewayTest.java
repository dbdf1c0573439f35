package store.traffictacos.capacity.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.emulator.guard.IdempotencyGuard;
import store.traffictacos.capacity.emulator.guard.JwtAuthenticator;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.guard.RateLimiter;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.reservation.SeatMap;
import store.traffictacos.capacity.emulator.store.StoreSettings;
import store.traffictacos.capacity.emulator.store.memory.InMemoryStores;

@DisplayName("Gateway")
class GatewayTest {
    private final InMemoryStores stores =
            new InMemoryStores(new StoreSettings(AdmissionPolicy.contract(), RateLimit.production(), new SeatMap(10)));
    private final Gateway gateway = new Gateway(
            new RateLimiter(RateLimit.production(), stores.state().rateLimits()),
            new JwtAuthenticator("secret", Clock.systemUTC()),
            new IdempotencyGuard(stores.state().idempotency()),
            Clock.systemUTC());

    @Test
    @DisplayName("a handler that throws gives 500 INTERNAL_ERROR in the envelope, never the exception text")
    void failureIsEnveloped() {
        // Given
        Route failing = Route.publicApi("GET", "/boom", (request, user) -> {
            throw new IllegalStateException("secret internals at store.Foo");
        });
        ApiRequest request = new ApiRequest(
                "GET",
                "/boom",
                Map.of(),
                name -> name.equals("X-Request-ID") ? Optional.of("trace-7") : Optional.empty(),
                new byte[0],
                "127.0.0.1",
                Map.of());

        // When
        ApiResponse response = gateway.handle(failing, request);

        // Then
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).isEqualTo(500);
        assertThat(body)
                .isEqualTo(
                        "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"internal error\",\"trace_id\":\"trace-7\"}}");
    }
}
