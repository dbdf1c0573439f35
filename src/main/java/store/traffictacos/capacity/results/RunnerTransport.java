package store.traffictacos.capacity.results;

import java.util.Objects;

/**
 * How a runner reached the target: the HTTP version it asked for, how long a request could wait before it
 * ended as {@code timeout}, and how many requests it could keep outstanding, with why (its in-flight budget).
 *
 * @param httpVersion {@code 1.1} or {@code 2} (HTTP/2 when the server agreed to it through ALPN)
 * @param warmUpConnectionsOpened connections opened before the measured load (the warm-up's); those opened
 *     during it are counted per second beside ({@link Snapshot.Connections})
 */
public record RunnerTransport(
        String httpVersion,
        long requestTimeoutMs,
        int inFlightLimit,
        String inFlightReasoning,
        long warmUpConnectionsOpened) {
    public RunnerTransport {
        Objects.requireNonNull(httpVersion, "httpVersion");
        Objects.requireNonNull(inFlightReasoning, "inFlightReasoning");
        if (requestTimeoutMs < 1 || inFlightLimit < 1 || warmUpConnectionsOpened < 0) {
            throw new IllegalArgumentException("request timeout and in-flight limit must be positive, got "
                    + requestTimeoutMs + " ms and " + inFlightLimit);
        }
    }
}
