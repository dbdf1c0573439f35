package store.traffictacos.capacity.controller.kubernetes;

import java.net.URI;
import java.time.Duration;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.runner.ProfileChoice;
import store.traffictacos.capacity.runner.RunnerSettings;

/** Launches used across the fleet tests. */
final class TestLaunches {

    static final String NAMESPACE = "loadtest";
    static final String RUN_ID = "smoke-20260101-120000";
    static final String IMAGE = "registry.example/tacos-capacity:1.2.3";

    private TestLaunches() {}

    static RunnerLaunch launch(int runnerCount) {
        RunnerSettings runner = RunnerSettings.of(RUN_ID, ProfileChoice.builtIn("smoke"), runnerCount)
                .withTarget(URI.create("https://api.example"));
        return RunnerLaunch.of(runner, IMAGE, Duration.ofMinutes(40));
    }
}
