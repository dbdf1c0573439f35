package store.traffictacos.capacity.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One-line reasons for failed connections, for errors a user reads. */
public final class ConnectionFailures {
    private ConnectionFailures() {}

    /**
     * The network reason behind a connection failure ("Connection refused", "Connect timed out",
     * "Unknown host x"); clients such as Jedis report it as a cause or as a suppressed exception
     * per address tried. The JDK's HTTP client throws a ConnectException without any message when the
     * port refuses.
     */
    public static String reason(Throwable error) {
        IOException network = findIo(error, new ArrayList<>());
        if (network instanceof UnknownHostException) {
            return "Unknown host " + network.getMessage();
        }
        if (network instanceof ConnectException
                && (network.getMessage() == null || network.getMessage().isBlank())) {
            return "Connection refused";
        }
        Throwable source = network;
        if (source == null) {
            source = error;
            while (source.getCause() != null && source.getCause() != source) {
                source = source.getCause();
            }
        }
        String message = source.getMessage();
        return message == null || message.isBlank() ? source.getClass().getSimpleName() : message;
    }

    private static @Nullable IOException findIo(@Nullable Throwable error, List<Throwable> seen) {
        if (error == null || seen.contains(error)) {
            return null;
        }
        seen.add(error);
        if (error instanceof IOException io) {
            return io;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            IOException found = findIo(suppressed, seen);
            if (found != null) {
                return found;
            }
        }
        return findIo(error.getCause(), seen);
    }
}
