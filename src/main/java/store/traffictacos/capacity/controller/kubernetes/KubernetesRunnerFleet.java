package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import store.traffictacos.capacity.controller.fleet.Barrier;
import store.traffictacos.capacity.controller.fleet.BarrierException;
import store.traffictacos.capacity.controller.fleet.CollectedRunner;
import store.traffictacos.capacity.controller.fleet.RunnerFleet;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.fleet.RunnerState;
import store.traffictacos.capacity.controller.fleet.RunnerState.Phase;
import store.traffictacos.capacity.runner.ProfileChoice;
import store.traffictacos.capacity.runner.RunnerContract;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * The runners as one Kubernetes Indexed Job in the load-test namespace (see {@link RunnerJobs}),
 * watched by polling the API: it works the same from a laptop and from inside the cluster.
 */
public final class KubernetesRunnerFleet implements RunnerFleet {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** A stopped runner's grace period, plus time for the kubelet and the API to report it gone. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(RunnerJobs.TERMINATION_GRACE_SECONDS + 60);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration pollInterval;
    private final Duration settleTimeout;
    private RunnerLaunch launch;
    private RunnerLogs logs;
    private final BiConsumer<Integer, String> lines;

    public KubernetesRunnerFleet(KubernetesClient client, String namespace) {
        this(client, namespace, (runner, line) -> {});
    }

    /** @param lines every line a runner prints, once it runs (its progress, for the controller's console) */
    public KubernetesRunnerFleet(KubernetesClient client, String namespace, BiConsumer<Integer, String> lines) {
        this(client, namespace, POLL_INTERVAL, SETTLE_TIMEOUT, lines);
    }

    KubernetesRunnerFleet(KubernetesClient client, String namespace, Duration pollInterval, Duration settleTimeout) {
        this(client, namespace, pollInterval, settleTimeout, (runner, line) -> {});
    }

    private KubernetesRunnerFleet(
            KubernetesClient client,
            String namespace,
            Duration pollInterval,
            Duration settleTimeout,
            BiConsumer<Integer, String> lines) {
        this.client = client;
        this.namespace = namespace;
        this.pollInterval = pollInterval;
        this.settleTimeout = settleTimeout;
        this.lines = lines;
    }

    /**
     * The fleet of a run launched earlier, by another process (a controller that was killed): for
     * {@code status}, {@code collect} and clean-up by run id. Results of runners whose pods are gone
     * with their logs cannot be collected any more and are named as missing.
     *
     * @throws IllegalArgumentException one line, when the run has no runner Job in the namespace
     */
    public static KubernetesRunnerFleet attach(KubernetesClient client, String namespace, String runId) {
        String name = RunnerContract.resourceName(runId);
        Job job;
        try {
            job = client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
        } catch (KubernetesClientException e) {
            throw new IllegalArgumentException(
                    "kubernetes: "
                            + ApiCallException.of(e, "get", "jobs", namespace).getMessage(),
                    e);
        }
        if (job == null) {
            throw new IllegalArgumentException("kubernetes: no runner job " + name + " in namespace " + namespace
                    + " (already cleaned up, or another namespace?)");
        }
        Long deadline = job.getSpec().getActiveDeadlineSeconds();
        // What the runners were told does not matter to a fleet attached to collect, stop or clean up: only the
        // run id and the runner count do.
        RunnerSettings told = RunnerSettings.of(
                runId, ProfileChoice.builtIn(null), job.getSpec().getParallelism());
        RunnerLaunch launched = RunnerLaunch.of(
                told,
                job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                Duration.ofSeconds(deadline == null ? 1 : deadline));
        KubernetesRunnerFleet fleet = new KubernetesRunnerFleet(client, namespace);
        fleet.launch = launched;
        fleet.logs = new RunnerLogs(client, namespace, runId, fleet.lines);
        return fleet;
    }

    @Override
    public void check() {
        try {
            if (client.namespaces().withName(namespace).get() == null) {
                throw new IllegalArgumentException("kubernetes: namespace " + namespace + " does not exist");
            }
        } catch (KubernetesClientException e) {
            // A namespaced Role cannot read Namespace objects; the reviews below still tell what we may do in it.
            if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
                throw new IllegalArgumentException("kubernetes: " + failed(e, "get", "namespaces"), e);
            }
        }
        List<String> missing;
        try {
            missing = FleetPermissions.missing(client, namespace);
        } catch (KubernetesClientException e) {
            throw new IllegalArgumentException("kubernetes: " + failed(e, "create", "selfsubjectaccessreviews"), e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "kubernetes: not allowed in namespace " + namespace + ": " + String.join(", ", missing));
        }
    }

    @Override
    public void launch(RunnerLaunch launch) {
        if (this.launch != null) {
            throw new IllegalStateException("this fleet already launched run " + this.launch.runId());
        }
        String name = RunnerContract.resourceName(launch.runId());
        Job job;
        try {
            job = client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .resource(RunnerJobs.job(launch, namespace))
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new IllegalArgumentException(
                        "kubernetes: job " + name + " already exists in namespace " + namespace
                                + "; clean up that run or choose another run id",
                        e);
            }
            throw new IllegalArgumentException("kubernetes: " + failed(e, "create", "jobs"), e);
        }
        try {
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(RunnerJobs.configMap(launch, job))
                    .create();
        } catch (KubernetesClientException e) {
            // Without their properties the runners can never start: take the Job back rather than leave it pending.
            try {
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(namespace)
                        .withName(name)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete();
            } catch (KubernetesClientException deleteFailed) {
                e.addSuppressed(deleteFailed);
            }
            throw new IllegalArgumentException("kubernetes: " + failed(e, "create", "configmaps"), e);
        }
        this.launch = launch;
        this.logs = new RunnerLogs(client, namespace, launch.runId(), lines);
    }

    @Override
    public Barrier awaitReady(Duration timeout) throws InterruptedException {
        requireLaunched();
        long startNanos = System.nanoTime();
        while (true) {
            List<RunnerState> states = runnerStates();
            Duration waited = Duration.ofNanos(System.nanoTime() - startNanos);
            failureBeforeStart(states).ifPresent(problem -> {
                throw new BarrierException("barrier: " + problem);
            });
            if (states.stream().allMatch(runner -> runner.phase() == Phase.RUNNING)) {
                followRunning(states);
                return new Barrier(waited, states);
            }
            if (waited.compareTo(timeout) >= 0) {
                throw BarrierException.timedOut(states, timeout);
            }
            Thread.sleep(Math.min(pollInterval.toMillis(), timeout.minus(waited).toMillis() + 1));
        }
    }

    @Override
    public void start(Instant startAt) {
        requireLaunched();
        String name = RunnerContract.resourceName(launch.runId());
        String patch = "{\"data\":{\"" + RunnerContract.START_AT_KEY + "\":\"" + startAt.toEpochMilli() + "\"}}";
        try {
            client.configMaps()
                    .inNamespace(namespace)
                    .withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(
                    "kubernetes: publishing the start instant: " + failed(e, "patch", "configmaps"), e);
        }
    }

    @Override
    public List<RunnerState> states() {
        requireLaunched();
        List<RunnerState> states = runnerStates();
        followRunning(states);
        return states;
    }

    @Override
    public void stop() throws InterruptedException {
        // Follow first: what the runners print while stopping is all we will have once their pods are deleted.
        List<RunnerState> states = states();
        // Suspended, the Job controller neither replaces the stopped runners nor counts them as failed.
        try {
            client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(namespace)
                    .withName(RunnerContract.resourceName(launch.runId()))
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw new IllegalStateException("kubernetes: stopping the runners: " + failed(e, "patch", "jobs"), e);
            }
        }
        // Deleted with their own grace period: SIGTERM, then time to print partial results.
        states.stream()
                .filter(runner -> runner.phase() == Phase.RUNNING || runner.phase() == Phase.PENDING)
                .forEach(runner -> client.pods()
                        .inNamespace(namespace)
                        .withName(runner.podName())
                        .delete());
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (runnerPods().stream().anyMatch(KubernetesRunnerFleet::isActive) && System.nanoTime() < deadline) {
            Thread.sleep(pollInterval.toMillis());
        }
        logs.awaitEnded(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public List<CollectedRunner> collect(Path runDir) {
        requireLaunched();
        RunnerResultsCollector collector = new RunnerResultsCollector(logs, namespace);
        return runnerStates().stream()
                .map(runner -> collector.collect(runner, runDir))
                .collect(Collectors.toList());
    }

    @Override
    public void cleanUp() throws InterruptedException {
        if (launch == null) {
            return;
        }
        logs.close();
        for (HasMetadata leftover : leftovers()) {
            client.resource(leftover)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        }
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        List<HasMetadata> left = leftovers();
        while (!left.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("kubernetes: still present " + settleTimeout.toSeconds()
                        + "s after clean-up of run " + launch.runId() + ": "
                        + left.stream()
                                .map(resource -> resource.getKind().toLowerCase(Locale.ROOT) + " "
                                        + resource.getMetadata().getName())
                                .collect(Collectors.joining(", ")));
            }
            Thread.sleep(pollInterval.toMillis());
            left = leftovers();
        }
    }

    private String failed(KubernetesClientException e, String verb, String plural) {
        return ApiCallException.of(e, verb, plural, namespace).getMessage();
    }

    private List<RunnerState> runnerStates() {
        return RunnerPods.states(runnerPods(), launch.runnerCount());
    }

    private void followRunning(List<RunnerState> states) {
        states.stream()
                .filter(runner -> runner.phase() == Phase.RUNNING)
                .forEach(runner -> logs.follow(runner.index(), runner.podName()));
    }

    /** A runner that ended, or a Job that failed or vanished, before the start: the barrier can never pass. */
    private Optional<String> failureBeforeStart(List<RunnerState> states) {
        Optional<String> ended = states.stream()
                .filter(runner -> runner.phase() == Phase.SUCCEEDED || runner.phase() == Phase.FAILED)
                .map(runner -> "runner " + runner.index() + (runner.phase() == Phase.FAILED ? " failed" : " finished")
                        + " before the start" + (runner.reason() == null ? "" : ": " + runner.reason()))
                .findFirst();
        if (ended.isPresent()) {
            return ended;
        }
        String name = RunnerContract.resourceName(launch.runId());
        Job job =
                client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        if (job == null) {
            return Optional.of("job " + name + " no longer exists");
        }
        return job.getStatus() == null
                ? Optional.empty()
                : job.getStatus().getConditions().stream()
                        .filter(condition ->
                                "Failed".equals(condition.getType()) && "True".equals(condition.getStatus()))
                        .map(condition ->
                                "job " + name + " failed: " + condition.getReason() + ": " + condition.getMessage())
                        .findFirst();
    }

    private List<Pod> runnerPods() {
        return client.pods()
                .inNamespace(namespace)
                .withLabel(RunnerJobs.RUN_ID_LABEL, launch.runId())
                .list()
                .getItems();
    }

    private List<HasMetadata> leftovers() {
        List<HasMetadata> leftovers = new ArrayList<>();
        leftovers.addAll(client.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel(RunnerJobs.RUN_ID_LABEL, launch.runId())
                .list()
                .getItems());
        leftovers.addAll(client.configMaps()
                .inNamespace(namespace)
                .withLabel(RunnerJobs.RUN_ID_LABEL, launch.runId())
                .list()
                .getItems());
        leftovers.addAll(runnerPods());
        return leftovers;
    }

    private static boolean isActive(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Succeeded".equals(phase) && !"Failed".equals(phase);
    }

    private void requireLaunched() {
        if (launch == null) {
            throw new IllegalStateException("no run launched by this fleet yet");
        }
    }
}
