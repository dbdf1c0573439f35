package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ClientAddressPool")
class ClientAddressPoolTest {
    @Test
    @DisplayName("runners split the pool without sharing an address, every address in 198.18.0.0/15")
    void disjointAcrossRunners() {
        // Given 1,000 addresses over 3 runners
        Set<String> seen = new HashSet<>();
        int total = 0;

        // When
        for (int runner = 0; runner < 3; runner++) {
            ClientAddressPool pool = ClientAddressPool.of(1000, runner, 3);
            for (int i = 0; i < pool.size(); i++) {
                seen.add(pool.address(i));
            }
            total += pool.size();
        }

        // Then
        assertThat(total).isEqualTo(1000);
        assertThat(seen).hasSize(1000).allMatch(address -> address.matches("198\\.1[89]\\.\\d+\\.\\d+"));
    }

    @Test
    @DisplayName("a journey keeps its address, and the journeys take the runner's addresses in turn")
    void stablePerJourney() {
        // Given
        ClientAddressPool pool = ClientAddressPool.of(4, 0, 1);

        // When / Then
        assertThat(pool.address(5)).isSameAs(pool.address(5)).isEqualTo("198.18.0.2");
        assertThat(pool.address(0)).isEqualTo("198.18.0.1");
        assertThat(pool.address(3)).isEqualTo("198.18.0.4");
    }

    @Test
    @DisplayName("the whole range ends at 198.19.255.254; beyond it, or fewer than one per runner, is refused")
    void bounds() {
        // Given
        ClientAddressPool whole = ClientAddressPool.of(ClientAddressPool.MAX_ADDRESSES, 0, 1);

        // When / Then
        assertThat(whole.address(ClientAddressPool.MAX_ADDRESSES - 1)).isEqualTo("198.19.255.254");
        assertThatThrownBy(() -> ClientAddressPool.of(ClientAddressPool.MAX_ADDRESSES + 1, 0, 1))
                .hasMessageContaining("198.18.0.0/15");
        assertThatThrownBy(() -> ClientAddressPool.of(2, 0, 3)).hasMessageContaining("at least the runner count (3)");
    }

    @Test
    @DisplayName("without client.ips no address is carried")
    void none() {
        assertThat(ClientAddressPool.of(0, 0, 2).spread()).isFalse();
        assertThat(ClientAddressPool.none().address(7)).isNull();
    }
}
