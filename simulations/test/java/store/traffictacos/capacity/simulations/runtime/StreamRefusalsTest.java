package store.traffictacos.capacity.simulations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@DisplayName("StreamRefusals: requests Gatling's own HTTP/2 client refused")
class StreamRefusalsTest {
    private static final Logger STATS = LoggerFactory.getLogger(StreamRefusals.STATS_LOGGER);
    private static final String REFUSED =
            "i.n.h.c.h.Http2Exception$StreamException: Maximum active streams violated" + " for this endpoint: 128";

    /** What Gatling's stats processor does for a failed request: two guarded debug lines. */
    private static void failed(long userId, String message, AtomicInteger dumpsBuilt) {
        if (STATS.isDebugEnabled()) {
            STATS.debug("Request 'join' failed for user " + userId + ": " + message);
            if (STATS.isDebugEnabled()) {
                dumpsBuilt.incrementAndGet();
            }
        }
    }

    @Test
    @DisplayName("a failure naming the stream limit is the user's refusal, read once, and no request dump is built")
    void recordsRefusal() {
        // Given
        StreamRefusals refusals = new StreamRefusals();
        GatlingLogTap tap = GatlingLogTap.install(new ConnectionCounter(at -> {}), refusals);
        AtomicInteger dumpsBuilt = new AtomicInteger();
        try {
            // When
            failed(42, REFUSED, dumpsBuilt);

            // Then
            assertThat(refusals.refused(42)).isTrue();
            assertThat(refusals.refused(42)).as("read a second time").isFalse();
            assertThat(dumpsBuilt).hasValue(0);
        } finally {
            tap.uninstall();
        }
    }

    @Test
    @DisplayName("another failure without an answer (a refused connection) is no refusal")
    void otherFailures() {
        // Given
        StreamRefusals refusals = new StreamRefusals();
        GatlingLogTap tap = GatlingLogTap.install(new ConnectionCounter(at -> {}), refusals);
        AtomicInteger dumpsBuilt = new AtomicInteger();
        try {
            // When
            failed(7, "i.n.c.AbstractChannel$AnnotatedConnectException: Connection refused", dumpsBuilt);

            // Then
            assertThat(refusals.refused(7)).isFalse();
            assertThat(dumpsBuilt).hasValue(0);
        } finally {
            tap.uninstall();
        }
    }

    @Test
    @DisplayName("once its tap is uninstalled, Gatling's debug guard is off again and nothing is read")
    void uninstalled() {
        // Given
        StreamRefusals refusals = new StreamRefusals();
        GatlingLogTap.install(new ConnectionCounter(at -> {}), refusals).uninstall();

        // When
        failed(42, REFUSED, new AtomicInteger());

        // Then
        assertThat(STATS.isDebugEnabled()).isFalse();
        assertThat(refusals.refused(42)).isFalse();
    }
}
