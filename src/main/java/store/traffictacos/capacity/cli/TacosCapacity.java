package store.traffictacos.capacity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import store.traffictacos.capacity.config.Uris;

/** The {@code tacos-capacity} command line: one subcommand per job. */
@Command(
        name = "tacos-capacity",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Load testing and capacity validation for the Traffic Tacos platform.",
        subcommands = {
            RunCommand.class,
            StatusCommand.class,
            CollectCommand.class,
            RestoreCommand.class,
            ReportCommand.class,
            TargetCommand.class,
            RunnerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TacosCapacity implements Runnable {

    /** Exit code for any error (bad input, unreachable dependency); 0 is success. */
    public static final int EXIT_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with one-line errors: usage mistakes and failures both exit 1. No error line shows the
     * password of a URL, whichever library wrote the message.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TacosCapacity());
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine()
                    .getErr()
                    .println("error: " + Uris.redact(e.getMessage()) + " (see '"
                            + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("error: " + Uris.redact(oneLine(e)));
            return EXIT_ERROR;
        });
        return commandLine;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
