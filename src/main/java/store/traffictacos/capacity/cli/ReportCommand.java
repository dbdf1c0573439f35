package store.traffictacos.capacity.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import store.traffictacos.capacity.report.CapacityReport;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportFiles;
import store.traffictacos.capacity.report.RunReports;
import store.traffictacos.capacity.report.SloFile;
import store.traffictacos.capacity.report.SloSet;

/** {@code tacos-capacity report <run-dir>}: (re)builds a run's capacity report from its results files. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge the runners' results files of a run folder and write its capacity report "
                + "(report.html, report.json, junit.xml, summary.md). Exit code: 0 pass, 2 an SLO failed, 1 an error.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder, e.g. reports/<run-id>.")
    Path runDir;

    @Option(names = "--slo", paramLabel = "FILE", description = "SLO file (YAML); default: the team's runbook SLOs "
            + "(p99 < 100 ms, p95 < 500 ms, errors < 1 %).")
    Path sloFile;

    @Override
    public Integer call() {
        SloSet slos = sloFile == null ? SloSet.defaults() : SloFile.parse(sloFile);
        RunReports.Written written = RunReports.build(runDir, slos);
        CapacityReport report = written.report();
        System.out.printf("%s: %s%n", report.verdict(), ReportFiles.kneeLine(report));
        System.out.printf("report: %s%n", written.html().toAbsolutePath());
        return ReportBuilder.exitCode(report);
    }
}
