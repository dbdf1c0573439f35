package store.traffictacos.capacity.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.config.RunIds;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunController;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunStatus;
import store.traffictacos.capacity.controller.setup.RunAssembly;
import store.traffictacos.capacity.controller.spec.RunSpecFile;
import store.traffictacos.capacity.report.render.Charts;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.RunnerCapacity;
import store.traffictacos.capacity.runner.RunnerSettings;
import store.traffictacos.capacity.runner.RunnerSizing;

/**
 * {@code tacos-capacity run}: one distributed run, from a run-spec YAML and/or options (options win).
 * Exit code: 0 the report passed, 2 it did not (an SLO failed, a regression, a runner's results
 * missing), 1 the run failed (bad input, a stage failed or timed out, aborted).
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run the load from N runners (local JVMs or a Kubernetes Indexed Job), pre-scaling and "
                + "sampling the platform, and write the capacity report. Exit code: 0 pass, 2 not passed, 1 error.")
final class RunCommand implements Callable<Integer> {
    /** How long Ctrl-C / SIGTERM waits for the run to stop its runners, restore the platform and report. */
    static final long SHUTDOWN_WAIT_SECONDS = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--spec", paramLabel = "FILE", description = "Run spec (YAML); see k8s/run-spec.yaml.")
    Path specFile;

    @Option(names = "--run-id", paramLabel = "ID", description = "Default: run-<yyyyMMdd-HHmmss>.")
    String runId;

    @Option(names = "--profile", paramLabel = "NAME", description = "A built-in profile: 30k, 10k, smoke, local.")
    String profile;

    @Option(names = "--profile-file", paramLabel = "FILE", description = "A profile YAML of your own.")
    String profileFile;

    @Option(names = "--runners", paramLabel = "N", description = "How many runners share the load.")
    Integer runners;

    @Option(
            names = "--runner-rps",
            paramLabel = "RPS",
            description = "Or: requests/s per runner; runners = peak ÷ " + "this, rounded up (default "
                    + (long) RunnerCapacity.DEFAULT_SHARE_RPS + ").")
    Double runnerRps;

    @Option(
            names = "--expected-latency",
            paramLabel = "DURATION",
            description = "The platform's latency under load the runners must ride out, e.g. 1s: runners = "
                    + "peak × this ÷ the requests one runner holds in flight, if more than by rate (default 1s).")
    String expectedLatency;

    @Option(
            names = "--client-ips",
            paramLabel = "N",
            description = "Spread the runners' identity: each journey carries X-Forwarded-For from N addresses in "
                    + "198.18.0.0/15, split across the runners (run spec client.ips; default none).")
    Integer clientIps;

    @Option(
            names = "--per-client-limit-rps",
            paramLabel = "RPS",
            description = "The platform's per-client rate limit (run spec platform.perClientLimitRps; default "
                    + "10000, the production value; 0 = none).")
    Long perClientLimitRps;

    @Option(
            names = "--dry-run",
            description = "Print the whole plan (runners, shares, in-flight budgets, identities, checks) and exit "
                    + "without creating anything.")
    boolean dryRun;

    @Option(names = "--target", paramLabel = "URL", description = "The platform's URL, or 'embedded' (local backend).")
    String target;

    @Option(names = "--backend", paramLabel = "KIND", description = "local (default) or kubernetes.")
    String backend;

    @Option(names = "--namespace", paramLabel = "NS", description = "Where runner Jobs go (tacos-loadtest).")
    String namespace;

    @Option(names = "--app-namespace", paramLabel = "NS", description = "The platform's namespace (tacos-app).")
    String appNamespace;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The runner image.")
    String image;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    JudgeOptions judge;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where run folders go (default: reports).")
    String reports;

    @Option(
            names = "--barrier-timeout",
            paramLabel = "DURATION",
            description = "How long runners may take to " + "come up, e.g. 10m.")
    String barrierTimeout;

    @Option(
            names = "--start-lead",
            paramLabel = "DURATION",
            description = "How far ahead the common start " + "instant is set once all runners are up, e.g. 20s.")
    String startLead;

    @Option(
            names = "--cleanup",
            description = "Delete the platform's test data after the run (POST /api/v1/admin/flush-test-data); "
                    + "always on the embedded target.")
    boolean cleanup;

    @Override
    public Integer call() throws InterruptedException {
        RunSpec spec = spec();
        if (dryRun) {
            RunPlan.lines(spec).forEach(command.commandLine().getOut()::println);
            command.commandLine().getOut().flush();
            return 0;
        }
        if (Files.exists(new RunFolder(spec.runDir()).statusFile())) {
            throw new IllegalArgumentException(
                    "run " + spec.runId() + " already exists in " + spec.runDir() + "; give another --run-id");
        }
        Charts.prepare();
        try (RunAssembly run = RunAssembly.open(spec, System.out, System::currentTimeMillis)) {
            RunController controller = run.controller();
            CountDownLatch done = new CountDownLatch(1);
            Thread onSignal = new Thread(
                    () -> {
                        controller.abort("stopped by a signal (Ctrl-C or SIGTERM)");
                        try {
                            done.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "tacos-run-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                RunStatus status = controller.execute();
                if (status.failed()) {
                    command.commandLine()
                            .getErr()
                            .println("error: run " + spec.runId() + " failed in "
                                    + status.failure().stage().label() + ": "
                                    + Uris.redact(status.failure().reason()));
                    command.commandLine().getErr().flush();
                }
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // The signal's hook is the one waiting for this run; it returns now.
                }
            }
            return controller.exitCode();
        }
    }

    private RunSpec spec() {
        RunSpecFile fields = specFile == null ? new RunSpecFile() : RunSpecFile.read(specFile);
        option("--run-id", runId, fields::setRunId);
        option("--profile", profile, fields::setProfile);
        option("--profile-file", profileFile, fields::setProfileFile);
        option("--runners", runners, fields::setRunners);
        option("--runner-rps", runnerRps, fields::setRunnerRps);
        option("--expected-latency", expectedLatency, fields::setExpectedLatency);
        option("--client-ips", clientIps, fields.client()::setIps);
        option("--per-client-limit-rps", perClientLimitRps, fields.platform()::setPerClientLimitRps);
        option("--target", target, fields::setTarget);
        option("--backend", backend, fields::setBackend);
        option("--namespace", namespace, fields.kubernetes()::setNamespace);
        option("--app-namespace", appNamespace, fields.kubernetes()::setAppNamespace);
        option("--image", image, fields.kubernetes()::setImage);
        option("--kubeconfig", text(cluster.kubeconfig), fields.kubernetes()::setKubeconfig);
        option("--context", cluster.context, fields.kubernetes()::setContext);
        option("--slo", text(judge.sloFile), fields::setSlo);
        option("--baseline", text(judge.baselineFile), fields::setBaseline);
        option("--reports", reports, fields::setReports);
        option("--barrier-timeout", barrierTimeout, fields.timeouts()::setBarrier);
        option("--start-lead", startLead, fields.timeouts()::setStartLead);
        if (cleanup) {
            fields.setSimulation(withCleanup(fields.simulation()));
        }
        // the reasoning comes first: a plan refused for its identities is refused after it
        PrintWriter out = command.commandLine().getOut();
        RunnerSizing sizing = fields.sizing();
        sizing.reasoning().forEach(line -> out.println("sizing: " + line));
        fields.identitySizing(sizing.runners()).reasoning().forEach(line -> out.println("sizing: " + line));
        out.flush();
        return fields.toSpec(RunIds.stamped("run", LocalDateTime.now()));
    }

    private static Map<String, String> withCleanup(Map<String, String> simulation) {
        Map<String, String> settings = new HashMap<>(simulation);
        settings.put(RunnerSettings.CLEANUP, "true");
        return settings;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    /** Sets a given option over the spec file's value; a bad value names the option, as the file names its line. */
    private static <T> void option(String name, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
