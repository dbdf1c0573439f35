package store.traffictacos.capacity.simulations.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.function.LongConsumer;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Counts the connections Gatling's HTTP client opens in this JVM. The client offers no hook for it, but it
 * tells its log at debug level each time a TCP connection is established ({@code "Connected to
 * remoteAddress={} from localAddress={}"}, unguarded in {@code DefaultHttpClient}); Logback hands every such
 * call to its turbo filters before it looks at the level, so counting there costs a string comparison and
 * turns no logging on. Tied to Gatling's internals (3.15, pinned in the pom) like {@link GateAction}: the
 * HTTPS/2 end-to-end test, which expects connections to be counted, catches a change there.
 */
public final class ConnectionCounter extends TurboFilter {
    static final String CLIENT_LOGGER = "io.gatling.http.client.impl.DefaultHttpClient";
    static final String CONNECTED = "Connected to remoteAddress=";

    private final LongConsumer opened;
    private final java.util.concurrent.atomic.LongAdder total = new java.util.concurrent.atomic.LongAdder();
    /**
     * Logback hands every logging call of the JVM to its turbo filters, disabled levels included, so the
     * client's logger is told by identity first: one comparison for every other call on the request path.
     */
    private final Logger client;

    private ConnectionCounter(LongConsumer opened, Logger client) {
        this.opened = opened;
        this.client = client;
    }

    /** Connections counted since the counter was installed. */
    public long total() {
        return total.sum();
    }

    /**
     * Starts counting into {@code opened} (called with the epoch ms of each connection).
     *
     * @return the installed counter, to {@link #uninstall} at the end of the run; null when the logging
     *     backend is not Logback (connections then go uncounted)
     */
    public static ConnectionCounter install(LongConsumer opened) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        ConnectionCounter counter = new ConnectionCounter(opened, context.getLogger(CLIENT_LOGGER));
        counter.setName("tacos-connection-counter");
        counter.start();
        context.addTurboFilter(counter);
        return counter;
    }

    public void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
        stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == client && level == Level.DEBUG && format != null && format.startsWith(CONNECTED)) {
            total.increment();
            opened.accept(System.currentTimeMillis());
        }
        return FilterReply.NEUTRAL;
    }
}
