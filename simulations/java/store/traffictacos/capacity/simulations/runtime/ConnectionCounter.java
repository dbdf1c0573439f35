package store.traffictacos.capacity.simulations.runtime;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Counts the connections Gatling's HTTP client opens in this JVM. The client offers no hook for it, but it
 * tells its log at debug level each time a TCP connection is established ({@code "Connected to
 * remoteAddress={} from localAddress={}"}, unguarded in {@code DefaultHttpClient}), and {@link GatlingLogTap}
 * hands that call here before Logback looks at the level: counting costs a string comparison and turns no
 * logging on. Tied to Gatling's internals (3.15, pinned in the pom) like {@link GateAction}: the HTTPS/2
 * end-to-end test, which expects connections to be counted, catches a change there.
 */
public final class ConnectionCounter {
    static final String CLIENT_LOGGER = "io.gatling.http.client.impl.DefaultHttpClient";
    static final String CONNECTED = "Connected to remoteAddress=";

    private final LongConsumer opened;
    private final LongAdder total = new LongAdder();

    /** @param opened called with the epoch ms of each connection, once a {@link GatlingLogTap} reads for it */
    public ConnectionCounter(LongConsumer opened) {
        this.opened = opened;
    }

    /** Connections counted since the tap was installed. */
    public long total() {
        return total.sum();
    }

    /** A debug call of the client's logger, with its message format. */
    void read(String format) {
        if (format != null && format.startsWith(CONNECTED)) {
            total.increment();
            opened.accept(System.currentTimeMillis());
        }
    }
}
