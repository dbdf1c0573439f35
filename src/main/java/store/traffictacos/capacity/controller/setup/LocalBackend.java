package store.traffictacos.capacity.controller.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import store.traffictacos.capacity.controller.RunBackend;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.local.LocalRunnerFleet;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.runner.Journeys;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * The local backend: runner JVMs on this machine, and without a target URL one embedded reference
 * target in this JVM that every runner loads (so its CPU and heap, sampled here, are the target's
 * alone). Platform sources that need a cluster are not available.
 */
public final class LocalBackend {
    private LocalBackend() {}

    /**
     * @param runnerJava how runner JVMs are started (see {@link LocalRunnerFleet#thisJava()})
     * @param runnerLines every line the runners print
     */
    public static RunBackend open(RunSpec spec, List<String> runnerJava, BiConsumer<Integer, String> runnerLines) {
        LocalRoom.ofThisMachine().check(spec.profile(), spec.runners());
        LocalTarget target =
                LocalTarget.open(spec.target(), jwtSecret(spec), spec.runner().warmUp(), Set.of());
        List<PlatformSampler> live = new ArrayList<>(target.samplers());
        try {
            live.addAll(PlatformSources.live(spec, null));
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        // On this machine the controller sees the target as the runners will: it is checked before any starts.
        return new RunBackend(
                target.url(),
                new LocalRunnerFleet(spec.runDir(), runnerJava, runnerLines),
                PlatformScaler.NONE,
                target::check,
                live,
                PlatformSources.afterwards(spec),
                List.of(target));
    }

    /**
     * The secret the runner JVMs sign their tokens with when the run spec says {@code auth: jwt}: they
     * inherit this JVM's environment, so the embedded target takes it from there too.
     */
    private static String jwtSecret(RunSpec spec) {
        return spec.runner().journeys().auth() == Journeys.Auth.JWT
                ? RunnerSettings.jwtSecret(Map.of(), System.getenv())
                : null;
    }
}
