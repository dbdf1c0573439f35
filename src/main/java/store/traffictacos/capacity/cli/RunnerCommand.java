package store.traffictacos.capacity.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.runner.FileStartSignal;
import store.traffictacos.capacity.simulations.TicketingSimulation;

/**
 * One load runner of a distributed run, as the {@code run} command's backends start it: reads its
 * settings, says it is ready, waits for the common start instant, then runs the simulation in this
 * JVM with its share of the load.
 */
@Command(name = "runner", mixinStandardHelpOptions = true,
        description = "Run one load runner of a distributed run (started by 'run'; not usually by hand).")
final class RunnerCommand implements Callable<Integer> {
    /** The line a backend waits for before it lets the run start. */
    static final String READY = "tacos-runner ready";

    enum StartSignalKind { none, file, configmap }

    @Option(names = "--properties", required = true, paramLabel = "<file>",
            description = "The runner's settings, as the simulation's system properties (Java properties text).")
    private Path properties;

    @Option(names = "--start-signal", defaultValue = "none", paramLabel = "<kind>",
            description = "Where the start instant comes from: none (start.at in the properties, or now), "
                    + "file (--start-file), configmap (the run's ConfigMap, in a Kubernetes pod).")
    private StartSignalKind startSignal;

    @Option(names = "--start-file", paramLabel = "<file>", description = "The file the start instant is written to.")
    private Path startFile;

    @Option(names = "--start-timeout", defaultValue = "PT30M", paramLabel = "<duration>",
            description = "How long to wait for the start instant (ISO-8601, default ${DEFAULT-VALUE}).")
    private Duration startTimeout;

    @Override
    public Integer call() throws Exception {
        Properties settings = read(properties);
        String index = settings.getProperty("runner.index", System.getenv().getOrDefault("JOB_COMPLETION_INDEX", "0"));
        System.out.println(READY + ": runner " + index + ", waiting for the start signal (" + startSignal + ")");
        System.out.flush();
        Instant startAt = switch (startSignal) {
            case none -> null;
            case file -> {
                if (startFile == null) {
                    throw new IllegalArgumentException("--start-signal file needs --start-file");
                }
                yield new FileStartSignal(startFile).await(startTimeout);
            }
            case configmap -> ConfigMapStart.await(startTimeout);
        };
        if (startAt != null) {
            settings.setProperty("start.at", Long.toString(startAt.toEpochMilli()));
        }
        settings.forEach((key, value) -> System.setProperty((String) key, (String) value));
        List<String> args = new ArrayList<>(List.of("-s", TicketingSimulation.class.getName(), "-rf",
                Path.of(settings.getProperty("reports.dir", "reports")).resolve("gatling").toString(), "-nr"));
        return io.gatling.app.Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read runner properties " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
