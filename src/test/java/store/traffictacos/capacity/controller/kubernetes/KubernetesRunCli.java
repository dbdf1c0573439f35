package store.traffictacos.capacity.controller.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import store.traffictacos.capacity.cli.TacosCapacity;

/**
 * {@code tacos-capacity} as the shipped jar runs it: {@code TacosCapacity.commandLine()}, with its
 * one-line errors and exit codes, output and errors captured.
 */
final class KubernetesRunCli {

    /**
     * @param out what the command printed: its own output and the run's console (System.out)
     * @param err its error output
     */
    record Result(int exitCode, String out, String err) {}

    private KubernetesRunCli() {}

    static Result execute(String... args) {
        // `run` prints its console to System.out, as the shipped jar does. System.out is replaced before
        // the command line is built: replaced only afterwards, `restore` and `collect` were seen to print
        // to the System.out of when it was built, not to the writer given to setOut.
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try {
            CommandLine commandLine = TacosCapacity.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            exitCode = commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
        }
        return new Result(exitCode, out + console.toString(StandardCharsets.UTF_8), err.toString());
    }
}
