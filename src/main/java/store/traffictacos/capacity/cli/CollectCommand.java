package store.traffictacos.capacity.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.kubernetes.KubernetesRunnerFleet;
import store.traffictacos.capacity.report.History;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.runner.RunFolder;

/**
 * {@code tacos-capacity collect --run-id X}: fetches a run's runner results from their pods' logs
 * into {@code reports/<run-id>/} and writes its report, for a run whose controller did not.
 */
@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Collect a Kubernetes run's runner results from the runner pods' logs into reports/<run-id>/ "
                + "and write its report. Exit code: 0 pass, 2 not passed, 1 error.")
final class CollectCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--run-id", required = true, paramLabel = "ID")
    String runId;

    @Option(
            names = "--namespace",
            paramLabel = "NS",
            description = "Where the runner Job is (default: tacos-loadtest).")
    String namespace = "tacos-loadtest";

    @Option(names = "--reports", paramLabel = "DIR", description = "Where run folders go (default: reports).")
    Path reports = Path.of("reports");

    @Mixin
    JudgeOptions judge;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        Path runDir = reports.resolve(RunIdOption.check(runId));
        // Read before collecting, so a bad file is told before any pod is read.
        ReportSettings settings = judge.settings();
        History history = History.baseline(judge.baselineFile);
        PrintWriter out = command.commandLine().getOut();
        if (!new RunFolder(runDir).runners().isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " already has its runners' results in " + runDir
                    + " (a local run, or one its controller collected); collect is for Kubernetes runs whose "
                    + "controller did not: rebuild its report with 'report " + runDir + "'");
        }
        try (KubernetesClient client = cluster.client()) {
            List<CollectedRunner> collected =
                    KubernetesRunnerFleet.attach(client, namespace, runId).collect(runDir);
            collected.forEach(runner -> out.println(
                    "runner " + runner.index() + ": " + runner.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (runner.reason() == null ? "" : ": " + runner.reason())));
            if (collected.stream().noneMatch(runner -> runner.outcome() == CollectedRunner.Outcome.COLLECTED)) {
                throw new IllegalStateException("run " + runId + ": no runner results to collect");
            }
        }
        ReportService.Written written = ReportService.write(runDir, settings, history);
        ReportService.announce(written, ReportService.VerdictLine.HEADLINE, out::println);
        out.flush();
        return ReportBuilder.exitCode(written.report());
    }
}
