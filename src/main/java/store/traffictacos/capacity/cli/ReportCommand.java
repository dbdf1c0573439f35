package store.traffictacos.capacity.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;

/** {@code tacos-capacity report <run-dir>}: (re)builds a run's capacity report from its results files. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Merge the runners' results files of a run folder and write its capacity report "
                + "(report.html, report.json, junit.xml, summary.md). Exit code: 0 pass, 2 an SLO failed or a "
                + "regression rule against the baseline broke, 1 an error.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder, e.g. reports/<run-id>.")
    Path runDir;

    @Mixin
    JudgeOptions judge;

    @Option(
            names = "--history",
            paramLabel = "FOLDER",
            description = "Folder of earlier reports (*.json, or "
                    + "<run>/report.json): draw the trend and, without --baseline, compare with the last passing run.")
    Path historyFolder;

    @Option(
            names = "--trend-runs",
            paramLabel = "N",
            description = "Earlier runs in the trend " + "(default: ${DEFAULT-VALUE}).")
    int trendRuns = History.DEFAULT_TREND_RUNS;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "YAML of instance type to on-demand USD/hour, "
                    + "overriding the SLO file's and the built-in ap-northeast-2 list prices.")
    Path pricesFile;

    @Override
    public Integer call() {
        ReportSettings settings = judge.settings();
        if (pricesFile != null) {
            settings = settings.withPrices(settings.prices().with(SloFile.parsePrices(pricesFile)));
        }
        CapacityReport baseline =
                judge.baselineFile == null ? null : History.readReport(judge.baselineFile, "baseline");
        List<CapacityReport> earlier = historyFolder == null ? null : History.readFolder(historyFolder);
        ReportService.Written written = ReportService.write(runDir, settings, History.of(baseline, earlier, trendRuns));
        // The command line's out stream, so callers (and tests) decide where the verdict goes.
        ReportService.announce(
                written, ReportService.VerdictLine.HEADLINE, spec.commandLine().getOut()::println);
        return ReportBuilder.exitCode(written.report());
    }
}
