package store.traffictacos.capacity.controller.fleet;

import java.time.Duration;
import java.util.List;

/**
 * The barrier passed: every runner is running.
 *
 * @param waited how long it took, mostly nodes being added for the runners
 */
public record Barrier(Duration waited, List<RunnerState> runners) {

    public Barrier {
        runners = List.copyOf(runners);
    }
}
