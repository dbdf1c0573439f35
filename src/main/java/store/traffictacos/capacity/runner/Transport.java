package store.traffictacos.capacity.runner;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import store.traffictacos.capacity.config.Durations;

/**
 * How a runner talks to the platform: the HTTP version, how long a request may stay unanswered and which
 * server certificates it trusts.
 *
 * <p>The request timeout is also the runner's in-flight budget: a request ends at the latest after it (as
 * outcome {@code timeout}, an error), so a runner offered {@code R} req/s never has more than
 * {@code R × timeout} requests outstanding ({@link InFlightBudget}).
 *
 * <p>The trust settings reach Gatling's own TLS configuration, which Gatling reads before the simulation
 * exists: {@code simulations/resources/gatling.conf} takes {@value #TRUST_STORE}, {@value #TRUST_PASSWORD}
 * and {@value #INSECURE} from the system properties (a runner JVM sets them from these settings before it
 * starts Gatling; {@code mvn gatling:test} gets them as {@code -D} options).
 *
 * @param requestTimeout how long a request may wait for its answer
 * @param httpVersion HTTP/1.1, or HTTP/2 through ALPN (needs an https target)
 * @param trustStore a PKCS12 or JKS file of the certificates to trust; null: the JVM's own trusted authorities
 * @param trustPassword the trust store's password; null: none
 * @param insecure trust any certificate the server shows (only when asked for)
 */
public record Transport(
        Duration requestTimeout, HttpVersion httpVersion, Path trustStore, String trustPassword, boolean insecure) {
    static final String REQUEST_TIMEOUT = "request.timeout";
    static final String HTTP_VERSION = "http.version";
    public static final String TRUST_STORE = "tls.trust.store";
    public static final String TRUST_PASSWORD = "tls.trust.password";
    public static final String INSECURE = "tls.insecure";

    /** What a request may wait by default: the platform's slowest answer worth waiting for, not a minute. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public Transport {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(httpVersion, "httpVersion");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("-D" + REQUEST_TIMEOUT + ": must be positive, got " + requestTimeout);
        }
        if (insecure && trustStore != null) {
            throw new IllegalArgumentException(
                    "-D" + INSECURE + "=true trusts any certificate: give it or -D" + TRUST_STORE + ", not both");
        }
        if (trustStore != null) {
            trustStore = trustStore.toAbsolutePath();
        }
        if (trustPassword != null && trustPassword.isEmpty()) {
            trustPassword = null;
        }
    }

    public static Transport defaults() {
        return new Transport(DEFAULT_REQUEST_TIMEOUT, HttpVersion.HTTP_1_1, null, null, false);
    }

    /**
     * Refuses HTTP/2 to a target it cannot reach that way: Gatling negotiates HTTP/2 only through TLS.
     *
     * @param target the platform; null: the embedded reference target (plain HTTP)
     */
    void requireReachable(URI target) {
        if (httpVersion == HttpVersion.HTTP_2 && (target == null || !"https".equals(target.getScheme()))) {
            throw new IllegalArgumentException("-D" + HTTP_VERSION + "=2: HTTP/2 is negotiated through TLS, so it "
                    + "needs an https:// target.url, got " + (target == null ? "the embedded target" : target));
        }
    }

    /**
     * The trust these settings ask for, as a JDK {@link SSLContext} for the toolkit's own calls to the target
     * (its health check): the trust store's certificates, any certificate when insecure, else the JVM's own.
     *
     * @throws IllegalArgumentException one line naming {@value #TRUST_STORE} when the file cannot be read
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (insecure) {
                context.init(null, new TrustManager[] {new TrustingEveryone()}, null);
            } else if (trustStore != null) {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(KeyStore.getInstance(
                        trustStore.toFile(), trustPassword == null ? new char[0] : trustPassword.toCharArray()));
                context.init(null, trust.getTrustManagers(), null);
            } else {
                context.init(null, null, null);
            }
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "-D" + TRUST_STORE + ": cannot read " + trustStore + " as a PKCS12 or JKS trust store ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * What {@value #INSECURE} asks for: any server certificate is accepted, for any host name (an extended
     * trust manager, so the JDK adds no host name check of its own).
     */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // a client's certificate is never asked for here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // trusted by request: -Dtls.insecure=true
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // a client's certificate is never asked for here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // trusted by request: -Dtls.insecure=true
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client's certificate is never asked for here
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusted by request: -Dtls.insecure=true
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static Transport fromProperties(Map<String, String> properties) {
        Transport defaults = defaults();
        String timeout = RunnerSettings.blankToNull(properties.get(REQUEST_TIMEOUT));
        String version = RunnerSettings.blankToNull(properties.get(HTTP_VERSION));
        String store = RunnerSettings.blankToNull(properties.get(TRUST_STORE));
        String insecure = RunnerSettings.blankToNull(properties.get(INSECURE));
        return new Transport(
                timeout == null
                        ? defaults.requestTimeout
                        : RunnerSettings.named(REQUEST_TIMEOUT, () -> Durations.positive(timeout)),
                version == null
                        ? defaults.httpVersion
                        : RunnerSettings.named(HTTP_VERSION, () -> HttpVersion.of(version)),
                store == null ? null : Path.of(store.strip()),
                properties.get(TRUST_PASSWORD),
                insecure != null && bool(insecure));
    }

    Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(REQUEST_TIMEOUT, requestTimeout.toMillis() + "ms");
        properties.put(HTTP_VERSION, httpVersion.key());
        if (trustStore != null) {
            properties.put(TRUST_STORE, trustStore.toString());
        }
        if (trustPassword != null) {
            properties.put(TRUST_PASSWORD, trustPassword);
        }
        if (insecure) {
            properties.put(INSECURE, "true");
        }
        return properties;
    }

    private static boolean bool(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new IllegalArgumentException("-D" + INSECURE + ": must be true or false, got '" + value + "'");
        };
    }
}
