package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import store.traffictacos.capacity.runner.RunnerContract;

/**
 * Plays the Job controller and the kubelet against the CRUD mock API server, which has neither:
 * it makes the runner pods of one run, moves them through their phases and serves their logs.
 * The mock's CRUD mode does not serve pod logs (a GET of {@code pods/<name>/log} answers a pod
 * list), so logs are expectations on the exact paths fabric8 asks.
 */
final class FakeKubelet {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final String runId;

    FakeKubelet(KubernetesMockServer server, KubernetesClient client, String namespace, String runId) {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
        this.runId = runId;
    }

    static String podName(String runId, int index) {
        return RunnerContract.resourceName(runId) + "-" + index + "-x7k2p";
    }

    String podName(int index) {
        return podName(runId, index);
    }

    void running(int index) {
        put(
                index,
                new PodStatusBuilder()
                        .withPhase("Running")
                        .withConditions(
                                condition("PodScheduled", "True", null, null), condition("Ready", "True", null, null))
                        .withContainerStatuses(new ContainerStatusBuilder()
                                .withName(RunnerJobs.CONTAINER)
                                .withNewState()
                                .withNewRunning()
                                .endRunning()
                                .endState()
                                .build())
                        .build());
    }

    void unschedulable(int index, String message) {
        put(
                index,
                new PodStatusBuilder()
                        .withPhase("Pending")
                        .withConditions(condition("PodScheduled", "False", "Unschedulable", message))
                        .build());
    }

    void succeeded(int index) {
        put(index, terminated("Succeeded", "Completed", 0));
    }

    void failed(int index, String reason, int exitCode) {
        put(index, terminated("Failed", reason, exitCode));
    }

    /** The pod's log, read whole or followed. */
    void log(int index, String text) {
        followedLog(index, text);
        server.expect().get().withPath(logPath(index, "")).andReturn(200, text).always();
    }

    /** A log that can only be followed: the pod is deleted by the time it would be read whole. */
    void followedLog(int index, String text) {
        server.expect()
                .get()
                .withPath(logPath(index, "&follow=true"))
                .andReturn(200, text)
                .always();
    }

    private String logPath(int index, String extraQuery) {
        return "/api/v1/namespaces/" + namespace + "/pods/" + podName(index) + "/log?pretty=false&container="
                + RunnerJobs.CONTAINER + extraQuery;
    }

    private void put(int index, PodStatus status) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(podName(index))
                .withNamespace(namespace)
                .withLabels(RunnerJobs.labels(runId))
                .addToLabels("batch.kubernetes.io/job-name", RunnerContract.resourceName(runId))
                .addToLabels(RunnerPods.INDEX_KEY, Integer.toString(index))
                .addToAnnotations(RunnerPods.INDEX_KEY, Integer.toString(index))
                .endMetadata()
                .withStatus(status)
                .build();
        client.pods().inNamespace(namespace).resource(pod).createOr(NonDeletingOperation::update);
    }

    private static PodStatus terminated(String phase, String reason, int exitCode) {
        ContainerStatus runner = new ContainerStatusBuilder()
                .withName(RunnerJobs.CONTAINER)
                .withNewState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(exitCode)
                .endTerminated()
                .endState()
                .build();
        return new PodStatusBuilder()
                .withPhase(phase)
                .withContainerStatuses(runner)
                .build();
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
