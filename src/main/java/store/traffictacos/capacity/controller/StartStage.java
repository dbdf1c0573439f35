package store.traffictacos.capacity.controller;

import java.time.Instant;

/**
 * Gives every runner one common start instant, a lead ahead of now (time to see it, start Gatling
 * and warm up), and starts sampling the platform.
 */
final class StartStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.START;
    }

    @Override
    public void run(RunContext run) {
        run.startAt = Instant.ofEpochMilli(run.clock.getAsLong())
                .plus(run.spec.timeouts().startLead());
        run.fleet.start(run.startAt);
        run.platform.start();
        run.say("measured load starts at " + run.startAt);
    }
}
