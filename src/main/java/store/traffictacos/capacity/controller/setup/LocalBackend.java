package store.traffictacos.capacity.controller.setup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import store.traffictacos.capacity.controller.RunBackend;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.local.LocalRunnerFleet;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.local.LocalProcessSampler;
import store.traffictacos.capacity.platform.local.TargetMetricsSampler;
import store.traffictacos.capacity.net.Preflight;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;

/**
 * The local backend: runner JVMs on this machine, and without a target URL one embedded reference
 * target in this JVM that every runner loads (so its CPU and heap, sampled here, are the target's
 * alone). Platform sources that need a cluster are not available.
 */
public final class LocalBackend {
    private LocalBackend() {
    }

    /**
     * @param runnerJava how runner JVMs are started (see {@link LocalRunnerFleet#thisJava()})
     * @param runnerLines every line the runners print
     */
    public static RunBackend open(RunSpec spec, List<String> runnerJava, BiConsumer<Integer, String> runnerLines) {
        List<AutoCloseable> resources = new ArrayList<>();
        List<PlatformSampler> live = new ArrayList<>();
        URI target = spec.target();
        if (target == null) {
            ReferenceTarget embedded = ReferenceTarget.start(TargetConfig.defaults().withPort(0));
            resources.add(embedded);
            target = embedded.baseUrl();
            live.add(new LocalProcessSampler());
            live.add(new TargetMetricsSampler(target));
        }
        try {
            live.addAll(PlatformSources.live(spec, null));
        } catch (RuntimeException e) {
            resources.forEach(LocalBackend::closeQuietly);
            throw e;
        }
        return new RunBackend(target, new LocalRunnerFleet(spec.runDir(), runnerJava, runnerLines),
                PlatformScaler.NONE, checkTarget(target), live, PlatformSources.afterwards(spec), resources);
    }

    /** On this machine the controller sees the target as the runners will: check it before starting any. */
    private static Runnable checkTarget(URI target) {
        return () -> Preflight.check(target);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Already failing with the first error.
        }
    }
}
