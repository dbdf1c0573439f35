package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("GatlingLogTap: what the runner reads from Gatling's log")
class GatlingLogTapTest {
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    @DisplayName("installs one turbo filter for the connections and the refusals, and removes it")
    void oneTurboFilter() {
        // Given
        int before = CONTEXT.getTurboFilterList().size();

        // When
        GatlingLogTap tap = GatlingLogTap.install(new ConnectionCounter(at -> {}), new StreamRefusals());
        int installed = CONTEXT.getTurboFilterList().size();
        tap.uninstall();

        // Then
        assertThat(installed).isEqualTo(before + 1);
        assertThat(CONTEXT.getTurboFilterList()).hasSize(before);
    }

    @Test
    @DisplayName("turns no logging on: other loggers and other levels stay as configured")
    void changesNoLevel() {
        // Given
        GatlingLogTap tap = GatlingLogTap.install(new ConnectionCounter(at -> {}), new StreamRefusals());
        try {
            // When / Then
            assertThat(LoggerFactory.getLogger(ConnectionCounter.CLIENT_LOGGER).isDebugEnabled())
                    .isFalse();
            assertThat(LoggerFactory.getLogger(StreamRefusals.STATS_LOGGER).isTraceEnabled())
                    .isFalse();
            assertThat(LoggerFactory.getLogger("io.netty.channel").isDebugEnabled())
                    .isFalse();
        } finally {
            tap.uninstall();
        }
    }
}
