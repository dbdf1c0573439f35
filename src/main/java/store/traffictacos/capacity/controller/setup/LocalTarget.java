package store.traffictacos.capacity.controller.setup;

import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLContext;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.net.Preflight;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.local.LocalProcessSampler;
import store.traffictacos.capacity.platform.local.TargetMetricsSampler;

/**
 * The target a run on this machine loads: the platform's URL when one is given, else the embedded
 * reference target, started here, whose JVM and own {@code /metrics} are then sampled beside the load
 * (its CPU and heap are the target's alone only in a JVM that runs nothing else heavy: the controller's,
 * or a lone {@code mvn gatling:test}). Both the local backend and a lone runner start it this one way.
 */
public final class LocalTarget implements AutoCloseable {
    private final URI url;
    private final ReferenceTarget embedded;

    private LocalTarget(URI url, ReferenceTarget embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /**
     * @param given the platform's URL; null starts the embedded reference target on a free port
     * @param jwtSecret the secret the runners sign their tokens with ({@code auth=jwt}), which the embedded
     *     target then checks them with; null: the target's default (runners use the load-test bypass)
     */
    public static LocalTarget open(URI given, String jwtSecret) {
        if (given != null) {
            return new LocalTarget(given, null);
        }
        TargetConfig config = TargetConfig.defaults().withPort(0);
        ReferenceTarget embedded = ReferenceTarget.start(jwtSecret == null ? config : config.withJwtSecret(jwtSecret));
        return new LocalTarget(embedded.baseUrl(), embedded);
    }

    public URI url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** The embedded target's JVM and its {@code /metrics}; none for a given URL (nothing of it runs here). */
    public List<PlatformSampler> samplers() {
        return embedded == null ? List.of() : List.of(new LocalProcessSampler(), new TargetMetricsSampler(url));
    }

    /** @throws IllegalStateException one line, when the target does not answer {@code GET /healthz} with 200 */
    public void check() {
        Preflight.check(url);
    }

    /** The same, trusting over TLS what {@code tls} trusts (a runner's trust settings). */
    public void check(SSLContext tls) {
        Preflight.check(url, tls);
    }

    /** Stops the embedded target, if one was started. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
