package store.traffictacos.capacity.simulations.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sessions")
class SessionsTest {

    @Test
    @DisplayName("every Idempotency-Key is a fresh random (version 4, IETF variant) UUID")
    void idempotencyKeys() {
        // When 100,000 keys are made
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(Sessions.idempotencyKey(null));
        }

        // Then none repeats, and each is a version 4 UUID in its canonical text
        assertThat(keys).hasSize(100_000);
        assertThat(keys).allSatisfy(key -> {
            UUID uuid = UUID.fromString(key);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(key);
        });
    }
}
