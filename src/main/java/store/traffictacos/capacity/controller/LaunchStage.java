package store.traffictacos.capacity.controller;

import java.time.Duration;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.fleet.RunnerResources;
import store.traffictacos.capacity.runner.RunnerSettings;

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
        Duration expected = spec.timeouts()
                .startLead()
                .plus(spec.profile().totalDuration())
                .plus(spec.timeouts().drain());
        run.fleet.launch(new RunnerLaunch(
                runnerSettings(run),
                k8s.image(),
                new RunnerResources(k8s.runnerCpu(), k8s.runnerMemory()),
                k8s.nodeSelector(),
                k8s.tolerations(),
                k8s.serviceAccount(),
                Duration.ofSeconds(k8s.ttlSecondsAfterFinished()),
                RunnerLaunch.activeDeadline(spec.timeouts().barrier(), expected)));
        run.say("launched " + spec.runners() + " runner(s)");
    }

    /** What every runner is told (its index and the start instant come separately), with the target now known. */
    static RunnerSettings runnerSettings(RunContext run) {
        return run.spec.runner().withTarget(run.target);
    }
}
