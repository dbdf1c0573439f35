package store.traffictacos.capacity.controller.kubernetes;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.runner.ResultsLog;
import store.traffictacos.capacity.runner.RunnerContract;

/**
 * Plays, for one run, the controllers that fabric8's CRUD mock server does not run: the Deployment
 * controller (the replicas of a scaled HPA's new floor become ready), the Job controller (one pod per
 * index of the run's Indexed Job, named, labelled and annotated as Kubernetes does it) and the
 * kubelet (the pods' phases and what the runners print). Each step waits, with Awaitility, for what
 * the controller under test does; a test runs the steps as a script beside the controller, see
 * {@link #play}.
 *
 * <p>The mock cannot hold a followed log open and feed it later (its answers are computed on its
 * event loop, at once), so following a pod's log gets what the runner has printed so far and ends.
 * The controller then reads the results from the pod's whole log, which is what it does whenever a
 * follow ended early.
 */
final class PlayedRun {
    private static final String READY_LINE = "tacos-runner ready; waiting for the start instant";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Requests of the synthetic results: every one ok after this long. */
    private static final long LATENCY_MICROS = 20_000;

    /** A step of a played script. */
    interface Step {
        void run() throws Exception;
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final String runId;
    private final Map<Integer, String> printed = new ConcurrentHashMap<>();
    private final List<String> podNames = new ArrayList<>();

    PlayedRun(KubernetesMockServer server, KubernetesClient client, String namespace, String runId) {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
        this.runId = runId;
    }

    /** Runs {@code script} in its own thread; the future fails with whatever the script threw. */
    static CompletableFuture<Void> play(Step script) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        script.run();
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                },
                "played-cluster");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /**
     * Waits a few seconds for a script to end once the controller under test is done with the run.
     *
     * @param console the run's console, to tell why when the script failed or did not end
     */
    static void awaitPlayed(CompletableFuture<Void> playing, String console) throws InterruptedException {
        try {
            playing.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(
                    "the played cluster failed: " + (e instanceof ExecutionException ? e.getCause() : e)
                            + "\nthe run's console:\n" + console,
                    e);
        }
    }

    /**
     * The Deployment controller: once this run has scaled the HPA in {@code appNamespace}, as many
     * replicas of its Deployment as its new floor are ready.
     */
    void readyWhenScaled(String appNamespace, String hpaName) {
        HorizontalPodAutoscaler hpa = await().atMost(WAIT)
                .pollInterval(POLL)
                .until(
                        () -> client.autoscaling()
                                .v2()
                                .horizontalPodAutoscalers()
                                .inNamespace(appNamespace)
                                .withName(hpaName)
                                .get(),
                        found -> found != null
                                && found.getMetadata().getLabels() != null
                                && runId.equals(found.getMetadata().getLabels().get(RunnerJobs.RUN_ID_LABEL)));
        int floor = hpa.getSpec().getMinReplicas();
        client.apps()
                .deployments()
                .inNamespace(appNamespace)
                .withName(hpa.getSpec().getScaleTargetRef().getName())
                .editStatus(current -> new DeploymentBuilder(current)
                        .editOrNewStatus()
                        .withReplicas(floor)
                        .withReadyReplicas(floor)
                        .endStatus()
                        .build());
    }

    /** Waits for the run's Job to be created. */
    Job awaitJob() {
        return await().atMost(WAIT)
                .pollInterval(POLL)
                .until(
                        () -> client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(namespace)
                                .withName(RunnerContract.resourceName(runId))
                                .get(),
                        job -> job != null);
    }

    /**
     * The Job controller: one Pending pod per index, from the Job's pod template, with the completion
     * index as label and annotation. Each pod's log is served from then on: what its runner printed.
     */
    void createPods(Job job) {
        String jobName = job.getMetadata().getName();
        for (int index = 0; index < job.getSpec().getParallelism(); index++) {
            // The Job controller adds five random characters; these tell the pods apart just as well.
            String podName = jobName + "-" + index + "-x7k2" + (char) ('a' + index);
            Pod pod = new PodBuilder()
                    .withNewMetadata()
                    .withName(podName)
                    .withNamespace(namespace)
                    .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                    .addToLabels("batch.kubernetes.io/job-name", jobName)
                    .addToLabels(
                            "batch.kubernetes.io/controller-uid",
                            job.getMetadata().getUid())
                    .addToLabels(RunnerPods.INDEX_KEY, Integer.toString(index))
                    .withAnnotations(job.getSpec().getTemplate().getMetadata().getAnnotations())
                    .addToAnnotations(RunnerPods.INDEX_KEY, Integer.toString(index))
                    .addNewOwnerReference()
                    .withApiVersion("batch/v1")
                    .withKind("Job")
                    .withName(jobName)
                    .withUid(job.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .endOwnerReference()
                    .endMetadata()
                    .withSpec(job.getSpec().getTemplate().getSpec())
                    .withNewStatus()
                    .withPhase("Pending")
                    .endStatus()
                    .build();
            client.pods().inNamespace(namespace).resource(pod).create();
            podNames.add(podName);
            printed.put(index, "");
            serveLog(index, podName);
        }
    }

    /** The kubelet: every pod scheduled and running, its runner ready and waiting for the start instant. */
    void running() {
        for (int index = 0; index < podNames.size(); index++) {
            printed.put(index, READY_LINE + "\n");
            setStatus(
                    index,
                    status -> new PodStatusBuilder(status)
                            .withPhase("Running")
                            .withConditions(
                                    condition("PodScheduled", "True", null, null),
                                    condition("Ready", "True", null, null))
                            .withContainerStatuses(new ContainerStatusBuilder()
                                    .withName(RunnerJobs.CONTAINER)
                                    .withReady(true)
                                    .withNewState()
                                    .withNewRunning()
                                    .withStartedAt(Instant.now().toString())
                                    .endRunning()
                                    .endState()
                                    .build())
                            .build());
        }
    }

    /** The scheduler: no node for any pod, with the scheduler's {@code message}. */
    void unschedulable(String message) {
        for (int index = 0; index < podNames.size(); index++) {
            setStatus(
                    index,
                    status -> new PodStatusBuilder(status)
                            .withPhase("Pending")
                            .withConditions(condition("PodScheduled", "False", "Unschedulable", message))
                            .build());
        }
    }

    /** Waits for the controller to publish the common start instant in the run's ConfigMap. */
    Instant awaitStartAt() {
        ConfigMap configMap = await().atMost(WAIT)
                .pollInterval(POLL)
                .until(
                        () -> client.configMaps()
                                .inNamespace(namespace)
                                .withName(RunnerContract.resourceName(runId))
                                .get(),
                        found -> found != null
                                && found.getData() != null
                                && found.getData().containsKey(RunnerContract.START_AT_KEY));
        return Instant.ofEpochMilli(Long.parseLong(configMap.getData().get(RunnerContract.START_AT_KEY)));
    }

    /** Waits, as the runners do, until the profile has run from {@code startAt}. */
    void awaitEnd(Instant startAt, LoadProfile profile) {
        Instant end = startAt.plus(profile.totalDuration());
        await().atMost(WAIT.plus(profile.totalDuration()))
                .pollInterval(POLL)
                .until(() -> !Instant.now().isBefore(end));
    }

    /**
     * The kubelet: every runner printed its results block (its share of {@code profile} from
     * {@code startAt}, written under {@code scratch} as the runner writes them on its own disk) and
     * exited 0.
     */
    void succeeded(LoadProfile profile, Instant startAt, String target, Path scratch) throws IOException {
        for (int index = 0; index < podNames.size(); index++) {
            printed.merge(
                    index, resultsBlock(index, podNames.size(), profile, startAt, target, scratch), String::concat);
            setStatus(
                    index,
                    status -> new PodStatusBuilder(status)
                            .withPhase("Succeeded")
                            .withContainerStatuses(new ContainerStatusBuilder()
                                    .withName(RunnerJobs.CONTAINER)
                                    .withReady(false)
                                    .withNewState()
                                    .withNewTerminated()
                                    .withReason("Completed")
                                    .withExitCode(0)
                                    .endTerminated()
                                    .endState()
                                    .build())
                            .build());
        }
    }

    private String resultsBlock(
            int index, int runners, LoadProfile profile, Instant startAt, String target, Path scratch)
            throws IOException {
        long start = startAt.toEpochMilli();
        long[] scheduled = profile.shard(index, runners).requestsPerSecond();
        ResultsRecorder recorder = new ResultsRecorder(start);
        for (int second = 0; second < scheduled.length; second++) {
            for (int request = 0; request < scheduled[second]; request++) {
                long sentAt = start + second * 1000L + request * 1000L / scheduled[second];
                recorder.sent(sentAt);
                recorder.record(sentAt, "GET /api/v1/queue/status", "ok", LATENCY_MICROS);
            }
        }
        List<PhaseWindow> phases = new ArrayList<>();
        long phaseStart = start;
        for (Phase phase : profile.phases()) {
            long phaseEnd = phaseStart + phase.duration().toMillis();
            phases.add(new PhaseWindow(
                    phase.name(), phaseStart, phaseEnd, phase.fromRps(), phase.toRps(), phase.judged()));
            phaseStart = phaseEnd;
        }
        Manifest manifest = new Manifest(
                runId, index, runners, profile.name(), start, phaseStart, "3.15.0", target, phases, scheduled);
        Path dir = scratch.resolve("printed-by-runner-" + index);
        ResultsFiles.write(dir, manifest, recorder.snapshot());
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        ResultsLog.write(dir, index, new PrintStream(block, true, StandardCharsets.UTF_8));
        return block.toString(StandardCharsets.UTF_8);
    }

    /**
     * Serves the pod's log, read whole or followed, as what its runner printed so far. fabric8 asks
     * for these exact paths, query strings included (the mock matches paths with their queries).
     */
    private void serveLog(int index, String podName) {
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + podName + "/log?pretty=false&container="
                + RunnerJobs.CONTAINER;
        for (String query : List.of("", "&follow=true")) {
            server.expect()
                    .get()
                    .withPath(path + query)
                    .andReply(200, request -> printed.get(index))
                    .always();
        }
    }

    private void setStatus(int index, UnaryOperator<PodStatus> change) {
        client.pods()
                .inNamespace(namespace)
                .withName(podNames.get(index))
                .editStatus(pod -> new PodBuilder(pod)
                        .withStatus(change.apply(pod.getStatus() == null ? new PodStatus() : pod.getStatus()))
                        .build());
    }

    private static PodCondition condition(String type, String status, String reason, String message) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .build();
    }
}
