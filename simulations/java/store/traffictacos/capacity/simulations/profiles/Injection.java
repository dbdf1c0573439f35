package store.traffictacos.capacity.simulations.profiles;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;

/**
 * A load profile as Gatling open-model injection. Every arriving user makes exactly one request,
 * so users per second here are HTTP requests per second.
 */
public final class Injection {
    private Injection() {}

    /** The measured load: idle until the start instant, then the profile's phases back to back. */
    public static List<OpenInjectionStep> measured(LoadProfile profile, Duration untilStart) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (!untilStart.isNegative() && !untilStart.isZero()) {
            steps.add(nothingFor(untilStart));
        }
        for (Phase phase : profile.phases()) {
            steps.add(phase(phase));
        }
        return steps;
    }

    /**
     * Warm-up before the start instant: a ramp up to the first phase's rate, so the JVM is compiled
     * and the connection pool open before anything is measured (a cold runner's latencies would
     * be its own, not the platform's).
     */
    public static List<OpenInjectionStep> warmUp(LoadProfile profile, Duration warmUp) {
        // Gatling lays ramps out in whole seconds (a shorter one divides by zero)
        Duration wholeSeconds = Duration.ofSeconds(warmUp.toSeconds());
        if (wholeSeconds.isZero() || wholeSeconds.isNegative()) {
            return List.of(nothingFor(Duration.ZERO));
        }
        double firstRate = Math.max(1, profile.phases().get(0).fromRps());
        return List.of(rampUsersPerSec(1).to(firstRate).during(wholeSeconds));
    }

    private static OpenInjectionStep phase(Phase phase) {
        if (phase.isRamp() && phase.duration().toSeconds() >= 1) {
            return rampUsersPerSec(phase.fromRps()).to(phase.toRps()).during(phase.duration());
        }
        // a sub-second ramp runs at its mean rate: same request count, no zero-length ramp for Gatling
        double rps = (phase.fromRps() + phase.toRps()) / 2;
        return rps == 0
                ? nothingFor(phase.duration())
                : constantUsersPerSec(rps).during(phase.duration());
    }
}
