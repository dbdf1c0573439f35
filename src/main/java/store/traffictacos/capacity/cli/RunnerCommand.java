package store.traffictacos.capacity.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.runner.RunnerContract;
import store.traffictacos.capacity.runner.RunnerSettings;
import store.traffictacos.capacity.runner.StartInstant;
import store.traffictacos.capacity.runner.StartPlan;

/**
 * One load runner of a distributed run, as the {@code run} command's backends start it: the
 * simulation in this JVM with the runner's settings. Once Gatling is up the runner says
 * {@value StartInstant#READY} and waits for the common start instant (see {@code CapacityRun}).
 */
@Command(
        name = "runner",
        mixinStandardHelpOptions = true,
        description = "Run one load runner of a distributed run (started by 'run'; not usually by hand).")
final class RunnerCommand implements Callable<Integer> {
    @Option(
            names = "--properties",
            required = true,
            paramLabel = "<file>",
            description = "The runner's settings, as the simulation's system properties (Java properties text).")
    private Path properties;

    @Option(
            names = "--start-signal",
            paramLabel = "<signal>",
            description = "Where the start instant comes from: file:<path>, or configmap (the run's ConfigMap, in "
                    + "a Kubernetes pod). Without it, start.at in the properties (or soon).")
    private String startSignal;

    /** Gatling reads its configuration from the class-path resource this system property names. */
    static final String GATLING_CONF_FILE = "gatling.conf.file";

    static final String RUNNER_GATLING_CONF = "gatling-runner.conf";

    @Override
    public Integer call() {
        Map<String, String> given = read(properties);
        RunnerSettings settings = RunnerSettings.fromProperties(given, null);
        if (startSignal != null) {
            settings = settings.withStart(StartPlan.signal(startSignal));
        }
        // Gatling builds the simulation by its class name, with no arguments: it reads the settings back from
        // the system properties (RunnerSettings.fromProperties), the one channel Gatling leaves.
        settings.toProperties().forEach(System::setProperty);
        // Gatling's data writers off (see gatling-runner.conf), unless the properties choose a file
        System.setProperty(GATLING_CONF_FILE, given.getOrDefault(GATLING_CONF_FILE, RUNNER_GATLING_CONF));
        return io.gatling.app.Gatling$.MODULE$.fromArgs(List.of(
                        "-s",
                        RunnerContract.SIMULATION_CLASS,
                        "-rf",
                        settings.folder().gatling().toString(),
                        "-nr")
                .toArray(String[]::new));
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read runner properties " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }
}
