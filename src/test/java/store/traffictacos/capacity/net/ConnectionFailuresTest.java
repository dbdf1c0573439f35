package store.traffictacos.capacity.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

@DisplayName("Connection failure reasons")
class ConnectionFailuresTest {

    @Test
    @DisplayName("the reason is the network error, whether the client nests or suppresses it")
    void networkReason() {
        // Given Jedis' ways of wrapping a refused connection
        JedisConnectionException suppressed = new JedisConnectionException("Failed to connect to 127.0.0.1:1.");
        suppressed.addSuppressed(new ConnectException("Connection refused"));

        // Then
        assertThat(ConnectionFailures.reason(new JedisConnectionException(suppressed)))
                .isEqualTo("Connection refused");
        assertThat(ConnectionFailures.reason(new JedisConnectionException(new UnknownHostException("nowhere.invalid"))))
                .isEqualTo("Unknown host nowhere.invalid");
        assertThat(ConnectionFailures.reason(new JedisConnectionException("Pool exhausted")))
                .isEqualTo("Pool exhausted");
    }
}
