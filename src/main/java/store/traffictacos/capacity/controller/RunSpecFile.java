package store.traffictacos.capacity.controller;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import store.traffictacos.capacity.controller.RunSpec.AbortRules;
import store.traffictacos.capacity.controller.RunSpec.Backend;
import store.traffictacos.capacity.controller.RunSpec.CloudWatchSpec;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.RunSpec.PlatformSpec;
import store.traffictacos.capacity.controller.RunSpec.RedisSpec;
import store.traffictacos.capacity.controller.RunSpec.Timeouts;
import store.traffictacos.capacity.controller.fleet.Toleration;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.ProfileFile;
import store.traffictacos.capacity.profile.Profiles;
import store.traffictacos.capacity.runner.RunnerCapacity;
import store.traffictacos.capacity.yaml.YamlBinding;

/**
 * The run spec: a YAML file (see {@code k8s/run-spec.yaml}) and CLI options over it, bound strictly
 * into a {@link RunSpec}. Every mistake is a one-line {@link IllegalArgumentException} naming the
 * file, line and field (or the option). Keys, all optional but {@code target} for Kubernetes:
 *
 * <pre>
 * runId: nightly-1            # default run-yyyyMMdd-HHmmss; lower-case letters, digits, '-'
 * profile: 30k                # or profileFile: my-profile.yaml
 * runners: 8                  # or runnerRps: 5000 (runners = peak ÷ runnerRps, rounded up)
 * target: http://gateway-api.tacos-app.svc.cluster.local:8000   # local backend: 'embedded' (default)
 * backend: kubernetes         # or local (default)
 * kubernetes: {namespace, appNamespace, image, runnerCpu, runnerMemory, serviceAccount, nodeSelector,
 *              tolerations, ttlSecondsAfterFinished, kubeconfig, context, nodePool}
 * scale: [{hpa: gateway-api, min: 20, max: 100}, {deployment: reservation-worker, replicas: 10}]
 * platform: {period: 5s, kubernetes: true, deployments: [...],
 *            redis: {uri, passwordEnv, passwordSecret: {name, key}},
 *            cloudwatch: {cacheClusterIds: [...], region, endpoint, period, live}}
 * slo: slo.yaml
 * baseline: reports/nightly-0/report.json
 * reports: reports
 * timeouts: {scale: 5m, barrier: 10m, startLead: 20s, drain: 2m}
 * abort: {errorRateAbove: 0.5, p99AboveMs: 1000, forSeconds: 30}
 * simulation: {journey.purchase.share: "0.3"}
 * </pre>
 */
public final class RunSpecFile {
    public static final List<String> DEFAULT_DEPLOYMENTS =
            List.of("gateway-api", "reservation-api", "inventory-api", "payment-sim-api", "reservation-worker");

    private static final YamlBinding YAML = new YamlBinding();
    // Runner pods are named tacos-run-<runId>-<index>: a host name of at most 63 characters.
    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,46}[a-z0-9])?");

    private RunSpecFile() {
    }

    /** The spec's fields as written, before defaults; the CLI sets its options over them. */
    public static Fields read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read run spec " + file + ": No such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read run spec " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Fields parse(String yaml, String source) {
        Fields fields = YAML.bind(yaml, source, Fields.class);
        return fields == null ? new Fields() : fields;
    }

    /**
     * The fields of a run spec. Setters check each value (a bad one is an IllegalArgumentException
     * whose message the binding puts after the file, line and field); {@link #toSpec} applies the
     * defaults and checks what only the whole spec shows.
     */
    public static final class Fields {
        private String runId;
        private String profile;
        private String profileFile;
        private Integer runners;
        private Double runnerRps;
        private String target;
        private Backend backend;
        private KubernetesFields kubernetes = new KubernetesFields();
        private List<ScaleFields> scale = List.of();
        private PlatformFields platform = new PlatformFields();
        private String slo;
        private String baseline;
        private String reports;
        private TimeoutFields timeouts = new TimeoutFields();
        private AbortFields abort = new AbortFields();
        private Map<String, String> simulation = Map.of();

        public void setRunId(String runId) {
            if (!RUN_ID.matcher(runId).matches()) {
                throw new IllegalArgumentException("must be 1-48 lower-case letters, digits or '-', starting and "
                        + "ending with a letter or digit (it names Kubernetes objects), got '" + runId + "'");
            }
            this.runId = runId;
        }

        public void setProfile(String profile) {
            this.profile = text(profile);
        }

        public void setProfileFile(String profileFile) {
            this.profileFile = text(profileFile);
        }

        public void setRunners(int runners) {
            if (runners < 1) {
                throw new IllegalArgumentException("must be at least 1, got " + runners);
            }
            this.runners = runners;
        }

        public void setRunnerRps(double runnerRps) {
            if (!(runnerRps > 0) || runnerRps > RunnerCapacity.SUSTAINED_RPS) {
                throw new IllegalArgumentException("must be above 0 and at most " + (long) RunnerCapacity.SUSTAINED_RPS
                        + " (one runner's limit), got " + runnerRps);
            }
            this.runnerRps = runnerRps;
        }

        public void setTarget(String target) {
            this.target = text(target);
        }

        public void setBackend(String backend) {
            this.backend = switch (backend) {
                case "local" -> Backend.LOCAL;
                case "kubernetes" -> Backend.KUBERNETES;
                default -> throw new IllegalArgumentException("must be 'local' or 'kubernetes', got '" + backend + "'");
            };
        }

        public void setKubernetes(KubernetesFields kubernetes) {
            this.kubernetes = kubernetes;
        }

        public KubernetesFields kubernetes() {
            return kubernetes;
        }

        public void setScale(List<ScaleFields> scale) {
            this.scale = List.copyOf(scale);
        }

        public void setPlatform(PlatformFields platform) {
            this.platform = platform;
        }

        public void setSlo(String slo) {
            this.slo = text(slo);
        }

        public void setBaseline(String baseline) {
            this.baseline = text(baseline);
        }

        public void setReports(String reports) {
            this.reports = text(reports);
        }

        public void setTimeouts(TimeoutFields timeouts) {
            this.timeouts = timeouts;
        }

        public TimeoutFields timeouts() {
            return timeouts;
        }

        public void setAbort(AbortFields abort) {
            this.abort = abort;
        }

        public void setSimulation(Map<String, String> simulation) {
            this.simulation = Map.copyOf(simulation);
        }

        /**
         * The run spec with defaults applied.
         *
         * @param nowRunId the run id to use when none is given
         * @throws IllegalArgumentException with a one-line message
         */
        public RunSpec toSpec(String nowRunId) {
            if (profile != null && profileFile != null) {
                throw new IllegalArgumentException("give either profile or profileFile, not both");
            }
            if (runners != null && runnerRps != null) {
                throw new IllegalArgumentException("give either runners or runnerRps, not both");
            }
            Backend chosenBackend = backend == null ? Backend.LOCAL : backend;
            if (chosenBackend == Backend.LOCAL && !scale.isEmpty()) {
                throw new IllegalArgumentException("scale: pre-scaling the platform needs the kubernetes backend");
            }
            String profileText = profileFile == null ? null : readProfile(Path.of(profileFile));
            LoadProfile loadProfile = profileText != null ? ProfileFile.parse(profileText, profileFile)
                    : Profiles.resolve(profile, null);
            int runnerCount = runners != null ? runners : runnersFor(loadProfile,
                    runnerRps == null ? RunnerCapacity.DEFAULT_SHARE_RPS : runnerRps);
            RunnerCapacity.requireShareWithin(loadProfile, runnerCount, RunnerCapacity.SUSTAINED_RPS);
            KubernetesSpec k8s = kubernetes.toSpec();
            return new RunSpec(runId == null ? nowRunId : runId, loadProfile, profileText, runnerCount,
                    target(chosenBackend), chosenBackend, k8s, scale.stream().map(s -> s.toTarget(k8s.appNamespace()))
                    .toList(), platform.toSpec(chosenBackend), path(slo), path(baseline),
                    Path.of(reports == null ? "reports" : reports), timeouts.toSpec(), abort.toSpec(),
                    simulation);
        }

        private URI target(Backend chosenBackend) {
            if (target == null || target.equals("embedded")) {
                if (chosenBackend == Backend.KUBERNETES) {
                    throw new IllegalArgumentException("target: the kubernetes backend needs the platform's URL "
                            + "(the embedded target runs only with the local backend)");
                }
                return null;
            }
            URI uri;
            try {
                uri = URI.create(target);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("target: must be an http(s) URL or 'embedded', got '" + target + "'");
            }
            return uri;
        }
    }

    /** Runners for a profile at {@code runnerRps} each: its peak rate ÷ that, rounded up. */
    public static int runnersFor(LoadProfile profile, double runnerRps) {
        return (int) Math.max(1, Math.ceil(profile.peakRps() / runnerRps - 1e-9));
    }

    public static final class KubernetesFields {
        private String namespace = "tacos-loadtest";
        private String appNamespace = "tacos-app";
        private String image = "tacos-capacity:0.1.0";
        private String runnerCpu = "2";
        private String runnerMemory = "4Gi";
        private String serviceAccount = "tacos-capacity-runner";
        private Map<String, String> nodeSelector = Map.of("workload-type", "loadtest");
        private List<Toleration> tolerations = List.of(Toleration.equal("workload", "loadtest", "NoSchedule"));
        private int ttlSecondsAfterFinished = 3600;
        private String kubeconfig;
        private String context;
        private String nodePool = "loadtest";

        public void setNamespace(String namespace) {
            this.namespace = text(namespace);
        }

        public void setAppNamespace(String appNamespace) {
            this.appNamespace = text(appNamespace);
        }

        public void setImage(String image) {
            this.image = text(image);
        }

        public void setRunnerCpu(String runnerCpu) {
            this.runnerCpu = text(runnerCpu);
        }

        public void setRunnerMemory(String runnerMemory) {
            this.runnerMemory = text(runnerMemory);
        }

        public void setServiceAccount(String serviceAccount) {
            this.serviceAccount = text(serviceAccount);
        }

        public void setNodeSelector(Map<String, String> nodeSelector) {
            this.nodeSelector = Map.copyOf(nodeSelector);
        }

        public void setTolerations(List<Toleration> tolerations) {
            this.tolerations = List.copyOf(tolerations);
        }

        public void setTtlSecondsAfterFinished(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("must be >= 0, got " + seconds);
            }
            this.ttlSecondsAfterFinished = seconds;
        }

        public void setKubeconfig(String kubeconfig) {
            this.kubeconfig = text(kubeconfig);
        }

        public void setContext(String context) {
            this.context = text(context);
        }

        public void setNodePool(String nodePool) {
            this.nodePool = text(nodePool);
        }

        KubernetesSpec toSpec() {
            return new KubernetesSpec(namespace, appNamespace, image, runnerCpu, runnerMemory, serviceAccount,
                    nodeSelector, tolerations, ttlSecondsAfterFinished, path(kubeconfig), context, nodePool);
        }
    }

    /** One of {@code hpa: <name>} (with min, optional max) or {@code deployment: <name>} (with replicas). */
    public static final class ScaleFields {
        private String hpa;
        private String deployment;
        private String namespace;
        private Integer min;
        private Integer max;
        private Integer replicas;

        public void setHpa(String hpa) {
            this.hpa = text(hpa);
        }

        public void setDeployment(String deployment) {
            this.deployment = text(deployment);
        }

        public void setNamespace(String namespace) {
            this.namespace = text(namespace);
        }

        public void setMin(int min) {
            this.min = min;
        }

        public void setMax(int max) {
            this.max = max;
        }

        public void setReplicas(int replicas) {
            this.replicas = replicas;
        }

        ScaleTarget toTarget(String appNamespace) {
            if ((hpa == null) == (deployment == null)) {
                throw new IllegalArgumentException("scale: each entry names exactly one of hpa or deployment");
            }
            String in = namespace == null ? appNamespace : namespace;
            return hpa != null ? new ScaleTarget(ScaleTarget.Kind.HPA, in, hpa, min, max, replicas)
                    : new ScaleTarget(ScaleTarget.Kind.DEPLOYMENT, in, deployment, min, max, replicas);
        }
    }

    public static final class PlatformFields {
        private Duration period = Duration.ofSeconds(5);
        private Boolean kubernetes;
        private List<String> deployments = DEFAULT_DEPLOYMENTS;
        private RedisFields redis;
        private CloudWatchFields cloudwatch;

        public void setPeriod(String period) {
            this.period = positiveDuration(period);
        }

        public void setKubernetes(boolean kubernetes) {
            this.kubernetes = kubernetes;
        }

        public void setDeployments(List<String> deployments) {
            this.deployments = List.copyOf(deployments);
        }

        public void setRedis(RedisFields redis) {
            this.redis = redis;
        }

        public void setCloudwatch(CloudWatchFields cloudwatch) {
            this.cloudwatch = cloudwatch;
        }

        PlatformSpec toSpec(Backend backend) {
            return new PlatformSpec(period, kubernetes == null ? backend == Backend.KUBERNETES : kubernetes,
                    deployments, redis == null ? null : redis.toSpec(),
                    cloudwatch == null ? null : cloudwatch.toSpec());
        }
    }

    public static final class RedisFields {
        private URI uri;
        private String passwordEnv;
        private SecretRef passwordSecret;

        public void setUri(String uri) {
            URI parsed = URI.create(text(uri));
            if (!("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme())) || parsed.getHost() == null) {
                throw new IllegalArgumentException("must look like redis://host:port, got '" + uri + "'");
            }
            if (parsed.getRawUserInfo() != null && parsed.getRawUserInfo().contains(":")) {
                // A password in the spec would end up in ConfigMaps and logs.
                throw new IllegalArgumentException("must not hold a password: use passwordEnv or passwordSecret");
            }
            this.uri = parsed;
        }

        public void setPasswordEnv(String passwordEnv) {
            this.passwordEnv = text(passwordEnv);
        }

        public void setPasswordSecret(SecretRef passwordSecret) {
            this.passwordSecret = passwordSecret;
        }

        RedisSpec toSpec() {
            if (uri == null) {
                throw new IllegalArgumentException("platform.redis: missing field 'uri'");
            }
            if (passwordEnv != null && passwordSecret != null) {
                throw new IllegalArgumentException("platform.redis: give passwordEnv or passwordSecret, not both");
            }
            return new RedisSpec(uri, passwordEnv, passwordSecret == null ? null : passwordSecret.name,
                    passwordSecret == null ? null : passwordSecret.key);
        }
    }

    public static final class SecretRef {
        private String name;
        private String key = "password";

        public void setName(String name) {
            this.name = text(name);
        }

        public void setKey(String key) {
            this.key = text(key);
        }
    }

    public static final class CloudWatchFields {
        private List<String> cacheClusterIds = List.of();
        private String region;
        private URI endpoint;
        private Duration period = Duration.ofSeconds(60);
        private boolean live;

        public void setLive(boolean live) {
            this.live = live;
        }

        public void setCacheClusterIds(List<String> ids) {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("must list at least one ElastiCache node id");
            }
            this.cacheClusterIds = List.copyOf(ids);
        }

        public void setRegion(String region) {
            this.region = text(region);
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = URI.create(text(endpoint));
        }

        public void setPeriod(String period) {
            this.period = positiveDuration(period);
        }

        CloudWatchSpec toSpec() {
            if (cacheClusterIds.isEmpty()) {
                throw new IllegalArgumentException("platform.cloudwatch: missing field 'cacheClusterIds'");
            }
            return new CloudWatchSpec(cacheClusterIds, region, endpoint, period, live);
        }
    }

    public static final class TimeoutFields {
        private Duration scale = Duration.ofMinutes(5);
        private Duration barrier = Duration.ofMinutes(10);
        private Duration startLead = Duration.ofSeconds(20);
        private Duration drain = Duration.ofMinutes(2);

        public void setScale(String scale) {
            this.scale = positiveDuration(scale);
        }

        public void setBarrier(String barrier) {
            this.barrier = positiveDuration(barrier);
        }

        public void setStartLead(String startLead) {
            this.startLead = positiveDuration(startLead);
        }

        public void setDrain(String drain) {
            this.drain = positiveDuration(drain);
        }

        Timeouts toSpec() {
            return new Timeouts(scale, barrier, startLead, drain);
        }
    }

    public static final class AbortFields {
        private double errorRateAbove = 0.5;
        private double p99AboveMs = 1_000;
        private int forSeconds = 30;

        public void setErrorRateAbove(double errorRateAbove) {
            if (!(errorRateAbove > 0 && errorRateAbove <= 1)) {
                throw new IllegalArgumentException("must be in (0, 1], got " + errorRateAbove);
            }
            this.errorRateAbove = errorRateAbove;
        }

        public void setP99AboveMs(double p99AboveMs) {
            if (!(p99AboveMs > 0)) {
                throw new IllegalArgumentException("must be > 0, got " + p99AboveMs);
            }
            this.p99AboveMs = p99AboveMs;
        }

        public void setForSeconds(int forSeconds) {
            if (forSeconds < 1) {
                throw new IllegalArgumentException("must be at least 1, got " + forSeconds);
            }
            this.forSeconds = forSeconds;
        }

        AbortRules toSpec() {
            return new AbortRules(errorRateAbove, p99AboveMs, forSeconds);
        }
    }

    /** The default run id: {@code run-yyyyMMdd-HHmmss} of the given local time. */
    public static String defaultRunId(LocalDateTime now) {
        return "run-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private static String readProfile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": "
                    + (e instanceof NoSuchFileException ? "No such file" : e.getMessage()));
        }
    }

    private static Duration positiveDuration(String text) {
        return Durations.positive(text);
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return value.strip();
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
