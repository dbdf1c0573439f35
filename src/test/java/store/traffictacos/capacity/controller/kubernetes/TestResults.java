package store.traffictacos.capacity.controller.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import store.traffictacos.capacity.runner.ResultsLog;

/** Runner results directories and the pod logs that carry them, as a runner would print them. */
final class TestResults {

    private TestResults() {}

    /** A results directory with a text manifest, a binary log and a nested file, distinct per runner. */
    static Path resultsDir(Path parent, int index) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("printed-by-runner-" + index));
        Files.writeString(dir.resolve("manifest.json"), "{\"format\":\"tacos-results/1\",\"index\":" + index + "}");
        byte[] histograms = new byte[20_000];
        new Random(index).nextBytes(histograms);
        Files.write(dir.resolve("results.hlog"), histograms);
        Files.writeString(Files.createDirectories(dir.resolve("gatling")).resolve("simulation.log"), "run " + index);
        return dir;
    }

    /** A runner's log: Gatling's chatter around the framed results block. */
    static String logWithResults(Path resultsDir, int index) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        ResultsLog.write(resultsDir, index, new PrintStream(block, true, StandardCharsets.UTF_8));
        return "Simulation TicketingSimulation started...\n"
                + "---- Requests ------------------------------------------------------------------\n"
                + block.toString(StandardCharsets.UTF_8)
                + "Simulation TicketingSimulation completed in 600 seconds\n";
    }
}
