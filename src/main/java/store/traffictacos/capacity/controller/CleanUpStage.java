package store.traffictacos.capacity.controller;

/** Removes the runners and everything else the run created. */
final class CleanUpStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.CLEAN_UP;
    }

    @Override
    public void run(RunContext run) throws InterruptedException {
        run.fleet.cleanUp();
    }
}
