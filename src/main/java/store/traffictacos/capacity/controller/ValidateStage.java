package store.traffictacos.capacity.controller;

/**
 * Checks, creating nothing, that the run can happen: the runners can be launched (namespace, RBAC,
 * room on the node pool) and every scale target exists and may be patched.
 */
final class ValidateStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.VALIDATE;
    }

    @Override
    public void run(RunContext run) {
        run.fleet.check();
        run.preflight.run();
        run.scaler.check(run.spec.scale());
        run.say(run.spec.runners() + " runner(s), profile " + run.spec.profile().name() + " ("
                + run.spec.profile().totalDuration().toSeconds() + " s) against " + run.target);
    }
}
