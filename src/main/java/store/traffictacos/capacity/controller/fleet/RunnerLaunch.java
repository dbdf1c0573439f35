package store.traffictacos.capacity.controller.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything needed to launch one run's runners.
 *
 * @param runId            names the run's resources and labels them; lowercase letters, digits and '-'
 * @param runnerCount      how many runners share the load
 * @param runnerProperties the system properties every runner passes to the simulation
 * @param image            the tacos-capacity container image
 * @param ttlAfterFinished how long the finished Job (and with it the runners' logs) is kept
 * @param activeDeadline   the runners' lifetime, from launch, after which Kubernetes stops them
 */
public record RunnerLaunch(String runId, int runnerCount, Map<String, String> runnerProperties, String image,
        RunnerResources resources, Map<String, String> nodeSelector, List<Toleration> tolerations,
        String serviceAccount, Duration ttlAfterFinished, Duration activeDeadline) {

    public static final Map<String, String> DEFAULT_NODE_SELECTOR = Map.of("workload-type", "loadtest");
    public static final List<Toleration> DEFAULT_TOLERATIONS = List.of(Toleration.equal("workload", "loadtest", "NoSchedule"));
    public static final String DEFAULT_SERVICE_ACCOUNT = "tacos-capacity-runner";
    public static final Duration DEFAULT_TTL_AFTER_FINISHED = Duration.ofHours(1);

    /** Warm-up, the wait for the start instant and printing results, on top of barrier and run. */
    static final Duration DEADLINE_MARGIN = Duration.ofMinutes(10);

    // "tacos-run-<id>-<index>" is a runner's host name, which must stay within 63 characters.
    private static final int MAX_RUN_ID_LENGTH = 48;
    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public RunnerLaunch {
        if (runId == null || runId.length() > MAX_RUN_ID_LENGTH || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must be at most " + MAX_RUN_ID_LENGTH
                    + " lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
        if (runnerCount < 1) {
            throw new IllegalArgumentException("runner count must be at least 1, not " + runnerCount);
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("the runner image is not set");
        }
        if (serviceAccount == null || serviceAccount.isBlank()) {
            throw new IllegalArgumentException("the runners' service account is not set");
        }
        if (ttlAfterFinished.isNegative() || activeDeadline.isNegative() || activeDeadline.isZero()) {
            throw new IllegalArgumentException("ttl must not be negative and the active deadline must be positive");
        }
        runnerProperties = Map.copyOf(runnerProperties);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }

    /** A launch with the default resources, placement on the load-test node pool, service account and ttl. */
    public static RunnerLaunch of(String runId, int runnerCount, Map<String, String> runnerProperties, String image,
            Duration activeDeadline) {
        return new RunnerLaunch(runId, runnerCount, runnerProperties, image, RunnerResources.DEFAULT,
                DEFAULT_NODE_SELECTOR, DEFAULT_TOLERATIONS, DEFAULT_SERVICE_ACCOUNT, DEFAULT_TTL_AFTER_FINISHED,
                activeDeadline);
    }

    /**
     * The deadline for a run expected to last {@code expectedRun}: Kubernetes counts it from the
     * launch, so it includes the wait for nodes at the barrier.
     */
    public static Duration activeDeadline(Duration barrierTimeout, Duration expectedRun) {
        return barrierTimeout.plus(expectedRun).plus(DEADLINE_MARGIN);
    }

    public RunnerLaunch withResources(RunnerResources resources) {
        return new RunnerLaunch(runId, runnerCount, runnerProperties, image, resources, nodeSelector, tolerations,
                serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withPlacement(Map<String, String> nodeSelector, List<Toleration> tolerations) {
        return new RunnerLaunch(runId, runnerCount, runnerProperties, image, resources, nodeSelector, tolerations,
                serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withServiceAccount(String serviceAccount) {
        return new RunnerLaunch(runId, runnerCount, runnerProperties, image, resources, nodeSelector, tolerations,
                serviceAccount, ttlAfterFinished, activeDeadline);
    }

    public RunnerLaunch withTtlAfterFinished(Duration ttlAfterFinished) {
        return new RunnerLaunch(runId, runnerCount, runnerProperties, image, resources, nodeSelector, tolerations,
                serviceAccount, ttlAfterFinished, activeDeadline);
    }
}
