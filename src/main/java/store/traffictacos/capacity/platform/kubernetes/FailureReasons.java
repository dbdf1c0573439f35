package store.traffictacos.capacity.platform.kubernetes;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * One-line reasons for requests that got no HTTP answer. The JDK HTTP client under fabric8 reports a
 * refused connection or an unknown host by exceptions without any message ({@code IOException} ←
 * {@code ConnectException} ← {@code ClosedChannelException}), so the reason is read from their types;
 * and fabric8's own message ("Operation: [list] for kind: [Node] ... failed.") says only what was tried.
 */
final class FailureReasons {
    private FailureReasons() {}

    /** Whether {@code failure} is the network's (connect, DNS, I/O, timeout) rather than a refusal or bad content. */
    static boolean isNetwork(Throwable failure) {
        return has(failure, IOException.class)
                || has(failure, TimeoutException.class)
                || has(failure, UnresolvedAddressException.class);
    }

    /**
     * The first message below fabric8's, else what kind of failure: {@code connection failed},
     * {@code unknown host}, {@code timed out}.
     */
    static String reason(Throwable failure) {
        if (has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class)) {
            return "unknown host";
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = next(cause)) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                return message.lines().findFirst().orElse(message);
            }
        }
        if (has(failure, ConnectException.class)) {
            return "connection failed";
        }
        if (has(failure, TimeoutException.class)) {
            return "timed out";
        }
        Throwable deepest = failure;
        while (next(deepest) != null) {
            deepest = next(deepest);
        }
        return deepest.getClass().getSimpleName();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
