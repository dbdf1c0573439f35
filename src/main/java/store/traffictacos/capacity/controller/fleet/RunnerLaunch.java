package store.traffictacos.capacity.controller.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * Everything needed to launch one run's runners.
 *
 * @param runner           what every runner is told (its index aside), which names the run and its runner count
 * @param image            the tacos-capacity container image
 * @param ttlAfterFinished how long the finished Job (and with it the runners' logs) is kept
 * @param activeDeadline   the runners' lifetime, from launch, after which Kubernetes stops them
 */
public record RunnerLaunch(
        RunnerSettings runner,
        String image,
        RunnerResources resources,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        String serviceAccount,
        Duration ttlAfterFinished,
        Duration activeDeadline) {

    public static final Map<String, String> DEFAULT_NODE_SELECTOR = Map.of("workload-type", "loadtest");
    public static final List<Toleration> DEFAULT_TOLERATIONS =
            List.of(Toleration.equal("workload", "loadtest", "NoSchedule"));
    public static final String DEFAULT_SERVICE_ACCOUNT = "tacos-capacity-runner";
    public static final Duration DEFAULT_TTL_AFTER_FINISHED = Duration.ofHours(1);

    /** Warm-up, the wait for the start instant and printing results, on top of barrier and run. */
    static final Duration DEADLINE_MARGIN = Duration.ofMinutes(10);

    public RunnerLaunch {
        Objects.requireNonNull(runner, "runner");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the runner image is not set");
        }
        if (serviceAccount == null || serviceAccount.isBlank()) {
            throw new IllegalArgumentException("the runners' service account is not set");
        }
        if (ttlAfterFinished.isNegative() || activeDeadline.isNegative() || activeDeadline.isZero()) {
            throw new IllegalArgumentException("ttl must not be negative and the active deadline must be positive");
        }
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }

    /** A launch with the default resources, placement on the load-test node pool, service account and ttl. */
    public static RunnerLaunch of(RunnerSettings runner, String image, Duration activeDeadline) {
        return new RunnerLaunch(
                runner,
                image,
                RunnerResources.DEFAULT,
                DEFAULT_NODE_SELECTOR,
                DEFAULT_TOLERATIONS,
                DEFAULT_SERVICE_ACCOUNT,
                DEFAULT_TTL_AFTER_FINISHED,
                activeDeadline);
    }

    /** Names the run's resources and labels them. */
    public String runId() {
        return runner.runId();
    }

    public int runnerCount() {
        return runner.runnerCount();
    }

    /**
     * The deadline for a run expected to last {@code expectedRun}: Kubernetes counts it from the
     * launch, so it includes the wait for nodes at the barrier.
     */
    public static Duration activeDeadline(Duration barrierTimeout, Duration expectedRun) {
        return barrierTimeout.plus(expectedRun).plus(DEADLINE_MARGIN);
    }

    public RunnerLaunch withResources(RunnerResources resources) {
        return new RunnerLaunch(
                runner, image, resources, nodeSelector, tolerations, serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withPlacement(Map<String, String> nodeSelector, List<Toleration> tolerations) {
        return new RunnerLaunch(
                runner, image, resources, nodeSelector, tolerations, serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withServiceAccount(String serviceAccount) {
        return new RunnerLaunch(
                runner, image, resources, nodeSelector, tolerations, serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withTtlAfterFinished(Duration ttlAfterFinished) {
        return new RunnerLaunch(
                runner, image, resources, nodeSelector, tolerations, serviceAccount, ttlAfterFinished, activeDeadline);
    }
}
