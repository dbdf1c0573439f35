package store.traffictacos.capacity.controller.spec;

import static store.traffictacos.capacity.controller.spec.SpecValues.path;
import static store.traffictacos.capacity.controller.spec.SpecValues.text;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.config.Durations;
import store.traffictacos.capacity.config.RunIds;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.RunSpec.Backend;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.RunSpec.Timeouts;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.runner.IdentitySizing;
import store.traffictacos.capacity.runner.ProfileChoice;
import store.traffictacos.capacity.runner.RunnerCapacity;
import store.traffictacos.capacity.runner.RunnerSettings;
import store.traffictacos.capacity.runner.RunnerSizing;
import store.traffictacos.capacity.yaml.YamlBinding;

/**
 * A run spec as written: a YAML file (see {@code k8s/run-spec.yaml}) bound strictly, then the CLI's
 * options set over it, then {@link #toSpec} into a {@link RunSpec}. Setters check each value, so a bad
 * one reads the same from the file ({@code spec.yaml line 3: target: must be ...}) and from an option
 * ({@code --target: must be ...}); {@link #toSpec} applies the defaults and checks what only the whole
 * spec shows. Keys, all optional but {@code target} for Kubernetes, one class per section:
 *
 * <pre>
 * runId: nightly-1            # default run-yyyyMMdd-HHmmss; lower-case letters, digits, '-'
 * profile: 30k                # or profileFile: my-profile.yaml
 * runners: 8                  # or runnerRps: 5000 and expectedLatency: 1s (RunnerSizing: the larger of
 *                             # peak ÷ runnerRps and peak × expectedLatency ÷ one runner's measured in-flight)
 * target: http://gateway-api.tacos-app.svc.cluster.local:8000   # local backend: 'embedded' (default)
 * backend: kubernetes         # or local (default)
 * kubernetes: {namespace, appNamespace, image, runnerCpu, runnerMemory, serviceAccount, nodeSelector,
 *              tolerations, ttlSecondsAfterFinished, kubeconfig, context, nodePool}     # KubernetesFields
 * scale: [{hpa: gateway-api, min: 20, max: 100}, {deployment: reservation-worker, replicas: 10}]  # ScaleFields
 * client: {ips: 1000}        # X-Forwarded-For addresses spread across the runners (ClientFields)
 * platform: {period: 5s, kubernetes: true, deployments: [...], perClientLimitRps: 10000, # PlatformFields
 *            redis: {uri, passwordEnv, passwordSecret: {name, key}},                    # RedisFields
 *            cloudwatch: {cacheClusterIds: [...], region, endpoint, period, live}}      # CloudWatchFields
 * slo: slo.yaml
 * baseline: reports/nightly-0/report.json
 * reports: reports
 * timeouts: {scale: 5m, barrier: 10m, startLead: 20s, drain: 2m}                        # TimeoutFields
 * abort: {errorRateAbove: 0.5, p99AboveMs: 1000, forSeconds: 30}                        # AbortFields
 * simulation: {journey.purchase.share: "0.3", http.version: "2", request.timeout: 10s}
 * </pre>
 */
public final class RunSpecFile {
    /** What {@code target} names for the reference target run in process (local backend only). */
    private static final String EMBEDDED_TARGET = "embedded";

    private static final YamlBinding YAML = new YamlBinding();

    private String runId;
    private String profile;
    private String profileFile;
    private Integer runners;
    private Double runnerRps;
    private Duration expectedLatency;
    /** Null: the embedded target. */
    private URI target;

    private Backend backend;
    private KubernetesFields kubernetes = new KubernetesFields();
    private List<ScaleFields> scale = List.of();
    private PlatformFields platform = new PlatformFields();
    private ClientFields client = new ClientFields();
    private String slo;
    private String baseline;
    private String reports;
    private TimeoutFields timeouts = new TimeoutFields();
    private AbortFields abort = new AbortFields();
    private Map<String, String> simulation = Map.of();

    /** The spec's fields as written in the file, before defaults; the CLI sets its options over them. */
    public static RunSpecFile read(Path file) {
        return parse(TextFiles.read(file, "run spec"), file.toString());
    }

    /** @param source how errors name the text, usually its file name */
    public static RunSpecFile parse(String yaml, String source) {
        RunSpecFile fields = YAML.bind(yaml, source, RunSpecFile.class);
        return fields == null ? new RunSpecFile() : fields;
    }

    /**
     * How many runners the run takes and why: {@code runners} when given, else the larger of what the rate
     * and what the expected latency need over the runners' HTTP version.
     */
    public RunnerSizing sizing() {
        if (runners != null && runnerRps != null) {
            throw new IllegalArgumentException("give either runners or runnerRps, not both");
        }
        return RunnerSizing.of(
                profileChoice().profile(),
                runners,
                runnerRps == null ? RunnerCapacity.DEFAULT_SHARE_RPS : runnerRps,
                expectedLatency == null ? RunnerSizing.DEFAULT_EXPECTED_LATENCY : expectedLatency,
                RunnerSettings.fromProperties(simulation, "spec").transport().httpVersion());
    }

    /**
     * Whether one client identity must send more than the platform's per-client limit over {@code runners}
     * runners ({@link IdentitySizing}).
     */
    public IdentitySizing identitySizing(int runners) {
        return IdentitySizing.of(
                profileChoice().profile(), runners, clientIps(), platform.perClientLimitRps(), sources());
    }

    /**
     * Where the runners' requests come from: local runners all from this machine; pods from their own
     * addresses towards a target inside the cluster, and through the NAT gateway's towards any other.
     */
    private IdentitySizing.Sources sources() {
        if (backend != Backend.KUBERNETES) {
            return new IdentitySizing.Sources(true, "one address for all runners, this machine's");
        }
        String host = target == null || target.getHost() == null ? "" : target.getHost();
        boolean inCluster = !host.contains(".") || host.endsWith(".svc") || host.endsWith(".svc.cluster.local");
        return inCluster
                ? new IdentitySizing.Sources(false, "one address per runner, its pod's, towards an in-cluster target")
                : new IdentitySizing.Sources(
                        true,
                        "one address for all runners, the NAT gateway's they leave through towards a target outside"
                                + " the cluster");
    }

    /** {@code client.ips} given in its section (or by {@code --client-ips}), else in {@code simulation:}. */
    private int clientIps() {
        return client.ips() != null
                ? client.ips()
                : RunnerSettings.fromProperties(simulation, "spec").clientIps();
    }

    private ProfileChoice profileChoice() {
        if (profile != null && profileFile != null) {
            throw new IllegalArgumentException("give either profile or profileFile, not both");
        }
        return profileFile != null ? ProfileChoice.file(Path.of(profileFile)) : ProfileChoice.builtIn(profile);
    }

    public void setRunId(String runId) {
        this.runId = RunIds.check(runId);
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

    /** The platform's latency under load the runners must ride out: how many requests each holds in flight. */
    public void setExpectedLatency(String expectedLatency) {
        this.expectedLatency = Durations.positive(expectedLatency);
    }

    public void setTarget(String target) {
        this.target = EMBEDDED_TARGET.equals(text(target)) ? null : Uris.http(target);
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

    public PlatformFields platform() {
        return platform;
    }

    public void setClient(ClientFields client) {
        this.client = client;
    }

    public ClientFields client() {
        return client;
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

    /** Settings for the runners, as their {@code -D} options; checked here, so a bad one is told with its line. */
    public Map<String, String> simulation() {
        return simulation;
    }

    public void setSimulation(Map<String, String> simulation) {
        RunnerSettings.fromProperties(simulation, "spec");
        this.simulation = Map.copyOf(simulation);
    }

    /**
     * The run spec with defaults applied.
     *
     * @param defaultRunId the run id to use when none is given, e.g. {@code RunIds.stamped("run", now)}
     * @throws IllegalArgumentException with a one-line message
     */
    public RunSpec toSpec(String defaultRunId) {
        Backend chosenBackend = backend == null ? Backend.LOCAL : backend;
        if (chosenBackend == Backend.LOCAL && !scale.isEmpty()) {
            throw new IllegalArgumentException("scale: pre-scaling the platform needs the kubernetes backend");
        }
        if (chosenBackend == Backend.KUBERNETES && target == null) {
            throw new IllegalArgumentException("target: the kubernetes backend needs the platform's URL "
                    + "(the embedded target runs only with the local backend)");
        }
        ProfileChoice profileChoice = profileChoice();
        LoadProfile loadProfile = profileChoice.profile();
        int runnerCount = sizing().runners();
        RunnerCapacity.requireShareWithin(loadProfile, runnerCount, RunnerCapacity.SUSTAINED_RPS);
        identitySizing(runnerCount).refusal().ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal);
        });
        KubernetesSpec k8s = kubernetes.toSpec();
        Timeouts chosenTimeouts = timeouts.toSpec();
        String id = runId == null ? defaultRunId : runId;
        // Kubernetes runners print their results into their log: the controller cannot reach their files.
        RunnerSettings runner = RunnerSettings.fromProperties(simulation, id)
                .controlledBy(
                        id,
                        target,
                        profileChoice,
                        runnerCount,
                        warmUp(chosenTimeouts),
                        chosenBackend == Backend.KUBERNETES)
                .withClientIps(clientIps())
                .requireReachableTarget();
        return new RunSpec(
                runner,
                chosenBackend,
                k8s,
                scale.stream().map(entry -> entry.toTarget(k8s.appNamespace())).toList(),
                platform.toSpec(chosenBackend),
                path(slo),
                path(baseline),
                Path.of(reports == null ? "reports" : reports),
                chosenTimeouts,
                abort.toSpec());
    }

    /** The runners' warm-up fits in the start lead, after their own start-up. */
    private static Duration warmUp(Timeouts timeouts) {
        return Duration.ofSeconds(Math.max(0, timeouts.startLead().toSeconds() - 5));
    }
}
