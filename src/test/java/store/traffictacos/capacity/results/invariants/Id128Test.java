package store.traffictacos.capacity.results.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Id128: an id as 128 bits")
class Id128Test {

    @ParameterizedTest
    @ValueSource(strings = {"rsv-bench-1", "pi_01HZX", "", "예약-42", "123e4567-e89b-12d3-a456-42661417400z"})
    @DisplayName("an id that is no UUID is its name-based UUID, the same as UUID.nameUUIDFromBytes gives")
    void hashesOtherIds(String id) {
        // Given
        UUID named = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));

        // When
        Id128 bits = Id128.of(id);

        // Then
        assertThat(bits).isEqualTo(new Id128(named.getMostSignificantBits(), named.getLeastSignificantBits()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123e4567-e89b-12d3-a456-426614174000", "00000000-0000-4000-8000-000000000001"})
    @DisplayName("a UUID is itself")
    void keepsUuids(String id) {
        // When
        Id128 bits = Id128.of(id);

        // Then
        assertThat(bits.toString()).isEqualTo(id);
    }
}
