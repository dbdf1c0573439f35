package store.traffictacos.capacity.controller;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.fleet.RunnerResources;

/** Creates the runners; they wait for the start instant. */
final class LaunchStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.LAUNCH;
    }

    @Override
    public void run(RunContext run) {
        RunSpec spec = run.spec;
        KubernetesSpec k8s = spec.kubernetes();
        Duration expected = spec.timeouts().startLead().plus(spec.profile().totalDuration())
                .plus(spec.timeouts().drain());
        run.fleet.launch(new RunnerLaunch(spec.runId(), spec.runners(), runnerProperties(run), k8s.image(),
                new RunnerResources(k8s.runnerCpu(), k8s.runnerMemory()), k8s.nodeSelector(), k8s.tolerations(),
                k8s.serviceAccount(), Duration.ofSeconds(k8s.ttlSecondsAfterFinished()),
                RunnerLaunch.activeDeadline(spec.timeouts().barrier(), expected)));
        run.say("launched " + spec.runners() + " runner(s)");
    }

    /**
     * What every runner is told (its index and the start instant come separately). A profile from a
     * file goes inline: a runner pod cannot see the controller's files.
     */
    static Map<String, String> runnerProperties(RunContext run) {
        RunSpec spec = run.spec;
        Map<String, String> properties = new LinkedHashMap<>(spec.simulation());
        properties.put("run.id", spec.runId());
        properties.put("target.url", run.target.toString());
        if (spec.profileFileText() != null) {
            properties.put("profile.yaml", spec.profileFileText());
        } else {
            properties.put("profile", spec.profile().name());
        }
        properties.put("runner.count", Integer.toString(spec.runners()));
        properties.put("runner.controlled", "true");
        properties.put("results.log", Boolean.toString(spec.backend() == RunSpec.Backend.KUBERNETES));
        properties.put("warmup.seconds", Long.toString(warmUpSeconds(spec)));
        return properties;
    }

    /** The warm-up fits in the start lead, after the runner's own start-up. */
    private static long warmUpSeconds(RunSpec spec) {
        return Math.max(0, spec.timeouts().startLead().toSeconds() - 5);
    }
}
