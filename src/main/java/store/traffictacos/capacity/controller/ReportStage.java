package store.traffictacos.capacity.controller;

import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.settings.ReportSettings;
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
        ReportSettings settings = spec.sloFile() == null ? ReportSettings.defaults() : SloFile.settings(spec.sloFile());
        History history = spec.baseline() == null ? History.none()
                : History.of(History.readReport(spec.baseline(), "baseline"), null, History.DEFAULT_TREND_RUNS);
        run.report = ReportService.write(spec.runDir(), settings, history);
        ReportService.announce(run.report, ReportService.VerdictLine.LABELLED, run::say);
    }
}
