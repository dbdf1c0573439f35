package store.traffictacos.capacity.emulator.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** URI handling and failure messages; needs no Redis server. */
class RedisStoresUriTest {

    @Test
    @DisplayName("a URI without port means 6379, and the database is kept")
    void defaultPort() {
        try (RedisStores stores = new RedisStores(URI.create("redis://localhost/2"), RedisTestSupport.settings())) {
            assertThat(stores).hasToString("RedisStores[redis://localhost:6379/2]");
        }
    }

    @Test
    @DisplayName("user and password never appear in the shown URI")
    void redactsCredentials() {
        try (RedisStores stores = new RedisStores(
                URI.create("redis://default:s3cret@cache.internal:6380/1"), RedisTestSupport.settings())) {
            assertThat(stores).hasToString("RedisStores[redis://cache.internal:6380/1]");
        }
    }

    @Test
    @DisplayName("a refused URI is named without its password")
    void refusedWithoutPassword() {
        assertThatThrownBy(() -> new RedisStores(
                        URI.create("http://default:s3cret@cache.internal:6380"), RedisTestSupport.settings()))
                .hasMessage("not a Redis URI (redis://host:port[/db] or rediss://...): http://cache.internal:6380");
    }

    @Test
    @DisplayName("a URI that is not a Redis URI is refused")
    void refusesOtherSchemes() {
        assertThatThrownBy(() -> new RedisStores(URI.create("http://localhost:6379"), RedisTestSupport.settings()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
