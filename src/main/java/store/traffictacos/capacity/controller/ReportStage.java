package store.traffictacos.capacity.controller;

import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.settings.SloFile;

/** The capacity report of what was collected, naming runners that are missing or stopped early. */
final class ReportStage implements RunStage {
    @Override
    public Stage stage() {
        return Stage.REPORT;
    }

    @Override
    public void run(RunContext run) {
        RunSpec spec = run.spec;
        run.report = ReportService.write(
                spec.runDir(), SloFile.settingsOrDefaults(spec.sloFile()), History.baseline(spec.baseline()));
        ReportService.announce(run.report, ReportService.VerdictLine.LABELLED, run::say);
    }
}
