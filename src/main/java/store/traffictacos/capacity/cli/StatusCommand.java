package store.traffictacos.capacity.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunStatus;
import store.traffictacos.capacity.controller.RunStatusFile;

/** {@code tacos-capacity status --run-id X}: where a run is, or where and why it stopped. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Show a run's stage, the stages it went through and its failure, from reports/<run-id>/status.json.")
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--run-id", required = true, paramLabel = "ID")
    String runId;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where run folders are (default: reports).")
    Path reports = Path.of("reports");

    @Override
    public Integer call() {
        RunStatus status = RunStatusFile.read(reports.resolve(RunIdOption.check(runId)));
        PrintWriter out = command.commandLine().getOut();
        out.println("run " + status.runId() + ": " + status.stage().label()
                + (status.failed()
                        ? " (failed in " + status.failure().stage().label() + ": "
                                + Uris.redact(status.failure().reason()) + ")"
                        : ""));
        for (RunStatus.Transition transition : status.transitions()) {
            out.println("  " + Instant.ofEpochMilli(transition.epochMs()) + "  "
                    + transition.stage().label());
        }
        out.flush();
        return status.failed() ? 1 : 0;
    }
}
