package store.traffictacos.capacity.controller;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import store.traffictacos.capacity.controller.fleet.Toleration;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.runner.RunnerSettings;

/**
 * Everything a distributed run is asked to do, parsed once (run-spec YAML and CLI options, see
 * {@link store.traffictacos.capacity.controller.spec.RunSpecFile}) and then only read.
 *
 * @param runner what every runner is told: the run id, the profile (a file's text inline, as runners
 *     may not see the file), the runner count, the target (null: the embedded reference target, local
 *     backend only, whose URL is known once it started) and the spec's {@code simulation:} settings
 */
public record RunSpec(
        RunnerSettings runner,
        Backend backend,
        KubernetesSpec kubernetes,
        List<ScaleTarget> scale,
        PlatformSpec platform,
        Path sloFile,
        Path baseline,
        Path reportsDir,
        Timeouts timeouts,
        AbortRules abort) {

    public RunSpec {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(backend, "backend");
        scale = List.copyOf(scale);
    }

    public String runId() {
        return runner.runId();
    }

    /** The whole run's profile. */
    public LoadProfile profile() {
        return runner.profile().profile();
    }

    /** How many runners share the load. */
    public int runners() {
        return runner.runnerCount();
    }

    /** The platform's URL; null means the embedded reference target. */
    public URI target() {
        return runner.target();
    }

    public enum Backend {
        LOCAL,
        KUBERNETES
    }

    /** This run's folder: {@code <reportsDir>/<runId>}. */
    public Path runDir() {
        return reportsDir.resolve(runId());
    }

    /**
     * Where the runner Job goes and what it may use.
     *
     * @param kubeconfig null: the default (KUBECONFIG, ~/.kube/config, or in-cluster)
     * @param nodePool the Karpenter NodePool runners land on, checked for room before the run
     */
    public record KubernetesSpec(
            String namespace,
            String appNamespace,
            String image,
            String runnerCpu,
            String runnerMemory,
            String serviceAccount,
            Map<String, String> nodeSelector,
            List<Toleration> tolerations,
            int ttlSecondsAfterFinished,
            Path kubeconfig,
            String context,
            String nodePool) {

        public KubernetesSpec {
            nodeSelector = Map.copyOf(nodeSelector);
            tolerations = List.copyOf(tolerations);
        }
    }

    /**
     * What the controller samples beside the load.
     *
     * @param kubernetes sample HPAs, Deployments, nodes and pods (Kubernetes backend)
     * @param redis null: no Redis INFO
     * @param cloudwatch null: no ElastiCache metrics
     */
    public record PlatformSpec(
            Duration period, boolean kubernetes, List<String> deployments, RedisSpec redis, CloudWatchSpec cloudwatch) {
        public PlatformSpec {
            deployments = List.copyOf(deployments);
        }
    }

    /** The password from an environment variable or a Kubernetes Secret (in the app namespace), never inline. */
    public record RedisSpec(URI uri, String passwordEnv, String secretName, String secretKey) {}

    /** @param live also read during the run (CloudWatch lags, so the charts fill in late); always read after it */
    public record CloudWatchSpec(
            List<String> cacheClusterIds, String region, URI endpoint, Duration period, boolean live) {
        public CloudWatchSpec {
            cacheClusterIds = List.copyOf(cacheClusterIds);
        }
    }

    /**
     * @param startLead how far ahead of "all runners ready" the common start instant is set: time for
     *     every runner to see it, start Gatling and warm up
     * @param drain how long runners may take past the profile's end before the run fails
     */
    public record Timeouts(Duration scale, Duration barrier, Duration startLead, Duration drain) {}

    /**
     * Stop the run when, for {@code forSeconds} in a row, the merged error rate is above
     * {@code errorRateAbove} or the merged p99 is above {@code p99AboveMs}.
     */
    public record AbortRules(double errorRateAbove, double p99AboveMs, int forSeconds) {}
}
