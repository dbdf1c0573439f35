package store.traffictacos.capacity.simulations.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * What the runner reads from Gatling's debug log, where Gatling tells what it offers no hook for: the
 * connections its client opens ({@link ConnectionCounter}) and the streams its HTTP/2 client refused
 * ({@link StreamRefusals}). One Logback turbo filter for both, because Logback asks its turbo filters about
 * every logging call of the JVM, disabled levels included: it calls a single one directly but walks a list
 * when there are more, and two were 2 % of the CPU samples of Gatling's threads at 8,000 req/s (JFR).
 * Gatling's two loggers are told by identity, so every other call costs two comparisons.
 */
public final class GatlingLogTap extends TurboFilter {
    private final Logger client;
    private final ConnectionCounter connections;
    private final Logger stats;
    private final StreamRefusals refusals;

    private GatlingLogTap(LoggerContext context, ConnectionCounter connections, StreamRefusals refusals) {
        this.client = context.getLogger(ConnectionCounter.CLIENT_LOGGER);
        this.connections = connections;
        this.stats = context.getLogger(StreamRefusals.STATS_LOGGER);
        this.refusals = refusals;
    }

    /**
     * Starts reading into {@code connections} and {@code refusals}.
     *
     * @return the installed tap, to {@link #uninstall} at the end of the run; null when the logging backend is
     *     not Logback (connections then go uncounted and no refusal is told apart)
     */
    public static GatlingLogTap install(ConnectionCounter connections, StreamRefusals refusals) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        GatlingLogTap tap = new GatlingLogTap(context, connections, refusals);
        tap.setName("tacos-gatling-log-tap");
        tap.start();
        context.addTurboFilter(tap);
        return tap;
    }

    public void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
        stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.DEBUG) {
            return FilterReply.NEUTRAL;
        }
        if (logger == client) {
            connections.read(format);
            return FilterReply.NEUTRAL;
        }
        return logger == stats ? refusals.read(format) : FilterReply.NEUTRAL;
    }
}
