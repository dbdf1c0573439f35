package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("ConnectionCounter: connections Gatling's client opens")
class ConnectionCounterTest {
    private static final Logger CLIENT = LoggerFactory.getLogger(ConnectionCounter.CLIENT_LOGGER);

    @Test
    @DisplayName("each 'Connected to' debug call of Gatling's client counts once, with debug logging off")
    void countsConnections() {
        // Given
        AtomicLong opened = new AtomicLong();
        ConnectionCounter counter = new ConnectionCounter(at -> opened.incrementAndGet());
        GatlingLogTap tap = GatlingLogTap.install(counter, new StreamRefusals());
        try {
            // When Gatling's client logs as it does in DefaultHttpClient, and other messages
            CLIENT.debug("Connected to remoteAddress={} from localAddress={}", "127.0.0.1:443", "127.0.0.1:50000");
            CLIENT.debug("Connected to remoteAddress={} from localAddress={}", "127.0.0.1:443", "127.0.0.1:50001");
            CLIENT.debug("Opening new channel to remote={} from local={}", "127.0.0.1:443", null);
            LoggerFactory.getLogger("other").debug("Connected to remoteAddress={} from localAddress={}", 1, 2);

            // Then
            assertThat(CLIENT.isDebugEnabled()).isFalse();
            assertThat(opened).hasValue(2);
            assertThat(counter.total()).isEqualTo(2);
        } finally {
            tap.uninstall();
        }
    }

    @Test
    @DisplayName("once its tap is uninstalled it counts nothing")
    void uninstalled() {
        // Given
        AtomicLong opened = new AtomicLong();
        GatlingLogTap.install(new ConnectionCounter(at -> opened.incrementAndGet()), new StreamRefusals())
                .uninstall();

        // When
        CLIENT.debug("Connected to remoteAddress={} from localAddress={}", "127.0.0.1:443", "127.0.0.1:50000");

        // Then
        assertThat(opened).hasValue(0);
    }
}
