package store.traffictacos.capacity.net;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.config.Uris;

/** Checks the target answers {@code /healthz} before any load is sent. */
public final class Preflight {
    private Preflight() {}

    /** @throws IllegalStateException one line, when the target does not answer 200 */
    public static void check(URI target) {
        check(target, null);
    }

    /**
     * The same over TLS with {@code tls}'s trust (the runners' trust store, or none when insecure).
     *
     * @param tls null: the JVM's default trust
     */
    public static void check(URI target, @Nullable SSLContext tls) {
        URI health = target.resolve("/healthz");
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            client.sslContext(tls);
        }
        try {
            HttpResponse<Void> response = client.build()
                    .send(
                            HttpRequest.newBuilder(health)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("target " + Uris.redact(target)
                        + " is not healthy: GET /healthz answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "target " + Uris.redact(target) + " is unreachable: GET /healthz failed ("
                            + ConnectionFailures.reason(e) + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + Uris.redact(health), e);
        }
    }
}
