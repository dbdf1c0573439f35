package store.traffictacos.capacity.controller.setup;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import store.traffictacos.capacity.emulator.Fault;
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
 * or a lone {@code mvn gatling:test}). Both the local backend and a lone runner start it this one way,
 * and the embedded target is warmed before it is handed out ({@link TargetWarmUp}), as the runners warm
 * themselves before the measured load; a given platform is never warmed.
 */
public final class LocalTarget implements AutoCloseable {
    private final URI url;
    private final ReferenceTarget embedded;

    private LocalTarget(URI url, ReferenceTarget embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /** Journeys per warm-up worker at most, so that a fast machine does not spend the whole budget. */
    static final int WARM_UP_JOURNEYS = 2_000;

    /**
     * @param given the platform's URL; null starts the embedded reference target on a free port
     * @param jwtSecret the secret the runners sign their tokens with ({@code auth=jwt}), which the embedded
     *     target then checks them with; null: the target's default (runners use the load-test bypass)
     * @param warmUp the runners' warm-up: the embedded target is warmed as long, up to {@link
     *     TargetWarmUp#BUDGET} (longer does not help the JIT), and not at all without one
     * @param faults defects the embedded target answers with ({@link Fault}); only the embedded target takes them
     * @throws IllegalStateException when the embedded target cannot start or does not answer its warm-up
     */
    public static LocalTarget open(URI given, String jwtSecret, Duration warmUp, Set<Fault> faults) {
        if (given != null) {
            if (!faults.isEmpty()) {
                throw new IllegalArgumentException("faults are the embedded target's: a given platform takes none");
            }
            return new LocalTarget(given, null);
        }
        TargetConfig config = TargetConfig.defaults().withPort(0).withFaults(faults);
        ReferenceTarget embedded = ReferenceTarget.start(jwtSecret == null ? config : config.withJwtSecret(jwtSecret));
        try {
            Duration budget = warmUp.compareTo(TargetWarmUp.BUDGET) < 0 ? warmUp : TargetWarmUp.BUDGET;
            if (!budget.isZero() && !budget.isNegative()) {
                TargetWarmUp.run(embedded.baseUrl(), budget, WARM_UP_JOURNEYS);
            }
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
        return new LocalTarget(embedded.baseUrl(), embedded);
    }

    public URI url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** The seats each event of the embedded target has; 0 (not known) for a given platform. */
    public int seatsPerEvent() {
        return embedded == null ? 0 : embedded.config().seatsPerEvent();
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
