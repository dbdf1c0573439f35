package store.traffictacos.capacity.platform.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import store.traffictacos.capacity.config.Uris;

/**
 * Where {@link RedisInfoSampler} reads INFO from.
 *
 * @param uri         {@code redis://[user:password@]host[:port][/db]} or {@code rediss://...}; for a
 *                    cluster, any node (the others come from {@code CLUSTER NODES}); the db is ignored
 *                    (INFO is server-wide)
 * @param passwordEnv the name of an environment variable holding the password (e.g.
 *                    {@code REDIS_PASSWORD}), or null; it wins over a password in the URI
 * @param timeout     connect and read timeout per node
 */
public record RedisInfoSettings(URI uri, String passwordEnv, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public RedisInfoSettings {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "not a Redis URI (redis://host:port[/db] or rediss://...): " + Uris.redact(uri));
        }
        if (passwordEnv != null && passwordEnv.isBlank()) {
            passwordEnv = null;
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The URI, no password variable, the default timeout. */
    public static RedisInfoSettings of(URI uri) {
        return new RedisInfoSettings(uri, null, DEFAULT_TIMEOUT);
    }

    public RedisInfoSettings withPasswordEnv(String variable) {
        return new RedisInfoSettings(uri, variable, timeout);
    }

    /** {@code host:port} of the URI (port 6379 when absent). */
    public String seedAddress() {
        return uri.getHost() + ":" + port();
    }

    int port() {
        return uri.getPort() == -1 ? 6379 : uri.getPort();
    }

    boolean ssl() {
        return "rediss".equals(uri.getScheme());
    }

    /** Never shows the URI's user info. */
    @Override
    public String toString() {
        return "RedisInfoSettings[uri=" + Uris.redact(uri) + ", passwordEnv=" + passwordEnv + ", timeout=" + timeout
                + "]";
    }
}
