package store.traffictacos.capacity.controller;

import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.settings.SloFile;

/**
 * Checks, creating nothing, that the run can happen: what its report will be judged by (the SLO file and
 * the baseline, read now rather than after the load), the runners can be launched (namespace, RBAC, room
 * on the node pool) and every scale target exists and may be patched.
 */
final class ValidateStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.VALIDATE;
    }

    @Override
    public void run(RunContext run) {
        SloFile.settingsOrDefaults(run.spec.sloFile());
        History.baseline(run.spec.baseline());
        run.fleet.check();
        run.preflight.run();
        run.scaler.check(run.spec.scale());
        run.say(run.spec.runners() + " runner(s), profile " + run.spec.profile().name() + " ("
                + run.spec.profile().totalDuration().toSeconds() + " s) against " + Uris.redact(run.target));
    }
}
