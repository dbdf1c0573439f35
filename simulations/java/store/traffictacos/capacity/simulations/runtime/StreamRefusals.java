package store.traffictacos.capacity.simulations.runtime;

import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the requests Gatling's own HTTP/2 client refused to send from those the platform failed. Under a burst
 * its pool can hand out one stream more than the server's limit on a connection, and Netty then fails the
 * request inside the runner ({@code Http2Exception$StreamException: Maximum active streams violated for this
 * endpoint: 128}, see the team's edge.md): nothing reached the platform, so it is the generator's error, never
 * the platform's. The request's session shows only a failure without a status; the cause reaches nothing but
 * Gatling's debug line {@code Request '<name>' failed for user <id>: <message>}, written behind an
 * {@code isDebugEnabled()} guard. So {@link GatlingLogTap} hands this the calls of that logger, the guard is
 * answered yes, the line is read and recorded by user id, and neither it nor the costlier request dump that
 * follows is written unless the logger's level asks for it. Tied to Gatling's internals (3.15, pinned in the
 * pom) like {@link ConnectionCounter}.
 */
public final class StreamRefusals {
    static final String STATS_LOGGER = "io.gatling.http.engine.response.DefaultStatsProcessor";
    static final String STREAM_LIMIT = "Maximum active streams violated";
    private static final String FAILED_FOR_USER = " failed for user ";

    private final Set<Long> refusedUsers = ConcurrentHashMap.newKeySet();
    /** Set once a failure line was read: the next guard on this thread is the request dump's. */
    private final ThreadLocal<Boolean> dumpNext = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Whether the last failure of virtual user {@code userId} was its own client refusing the stream; forgets it. */
    public boolean refused(long userId) {
        return refusedUsers.remove(userId);
    }

    /** A debug call of the stats processor's logger: its message format, null for an {@code isDebugEnabled()} guard. */
    FilterReply read(String format) {
        if (format == null) {
            // the failure line's guard (read it) or the dump's after it (skip it)
            if (dumpNext.get()) {
                dumpNext.set(Boolean.FALSE);
                return FilterReply.NEUTRAL;
            }
            return FilterReply.ACCEPT;
        }
        int user = format.indexOf(FAILED_FOR_USER);
        if (format.startsWith("Request '") && user > 0) {
            dumpNext.set(Boolean.TRUE);
            if (format.contains(STREAM_LIMIT)) {
                record(format, user + FAILED_FOR_USER.length());
            }
        }
        return FilterReply.NEUTRAL;
    }

    private void record(String line, int from) {
        int end = from;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        if (end > from) {
            refusedUsers.add(Long.parseLong(line, from, end, 10));
        }
    }
}
