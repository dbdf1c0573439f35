package store.traffictacos.capacity.controller;

import store.traffictacos.capacity.controller.fleet.CollectedRunner;

/**
 * Every runner's results into the run folder (partial ones too; a missing one with its reason, in
 * {@code runners.json}), and the platform series of the run's window into {@code platform.json}.
 */
final class CollectStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.COLLECT;
    }

    @Override
    public void run(RunContext run) {
        long end = run.clock.getAsLong();
        run.platform.finish(run.spec.runDir(), run.startAt == null ? end : run.startAt.toEpochMilli(), end);
        run.collected = run.fleet.collect(run.spec.runDir());
        RunnersFile.write(run.spec.runDir(), run.collected);
        for (CollectedRunner runner : run.collected) {
            run.say("runner " + runner.index() + ": " + RunnersFile.describe(runner));
        }
    }
}
