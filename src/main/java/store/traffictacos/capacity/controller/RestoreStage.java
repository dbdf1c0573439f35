package store.traffictacos.capacity.controller;

/** Puts the platform back as it was before the run, from the originals recorded on the objects. */
final class RestoreStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.RESTORE;
    }

    @Override
    public void run(RunContext run) {
        for (String restored : run.scaler.restore(run.spec.runId())) {
            run.say("restored " + restored);
        }
    }
}
