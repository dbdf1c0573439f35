package store.traffictacos.capacity.controller.kubernetes;

import java.time.Duration;
import java.util.Map;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;

/** Launches used across the fleet tests. */
final class TestLaunches {

    static final String NAMESPACE = "loadtest";
    static final String RUN_ID = "smoke-20260101-120000";
    static final String IMAGE = "registry.example/tacos-capacity:1.2.3";

    private TestLaunches() {
    }

    static RunnerLaunch launch(int runnerCount) {
        return RunnerLaunch.of(RUN_ID, runnerCount, Map.of("profile", "smoke", "target.url", "https://api.example"),
                IMAGE, Duration.ofMinutes(40));
    }
}
