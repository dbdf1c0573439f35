package store.traffictacos.capacity.controller;

/** Pre-scales the platform (originals recorded on the objects) and waits until it is ready. */
final class ScaleStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.SCALE;
    }

    @Override
    public void run(RunContext run) {
        if (run.spec.scale().isEmpty()) {
            return;
        }
        run.scaler.scale(run.spec.runId(), run.spec.scale());
        run.say("scaled " + run.spec.scale().size() + " target(s); waiting up to "
                + run.spec.timeouts().scale().toSeconds() + " s for them to be ready");
        run.scaler.awaitReady(run.spec.scale(), run.spec.timeouts().scale());
    }
}
