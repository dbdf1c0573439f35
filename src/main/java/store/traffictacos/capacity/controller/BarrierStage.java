package store.traffictacos.capacity.controller;

/** Waits until every runner is up (Karpenter may be adding nodes), up to the barrier timeout. */
final class BarrierStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.BARRIER;
    }

    @Override
    public void run(RunContext run) throws InterruptedException {
        run.barrier = run.fleet.awaitReady(run.spec.timeouts().barrier());
        run.say("all " + run.spec.runners() + " runner(s) ready after "
                + run.barrier.waited().toMillis() + " ms");
    }
}
