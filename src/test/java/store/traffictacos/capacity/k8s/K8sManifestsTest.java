package store.traffictacos.capacity.k8s;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.controller.spec.RunSpecFile;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.report.settings.SloSet.Metric;
import store.traffictacos.capacity.report.settings.SloSet.Slo;

/**
 * The manifests under {@code k8s/}: every {@code *.yaml} file there (found by listing the folder, so a
 * new file is covered without touching this test), each document parsed with fabric8 into its typed
 * class, and the contracts between them that {@code kubectl apply} would not catch.
 */
@DisplayName("k8s/ manifests")
class K8sManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final Path WORKFLOW = K8S.resolve("ci/github-actions-capacity.yaml");
    private static final Path IAM_POLICY = K8S.resolve("iam-policy.json");

    private static final String CONTROLLER_SA = "tacos-capacity-controller";
    private static final String RUNNER_SA = "tacos-capacity-runner";
    private static final String RUN_SPEC_KEY = "run-spec.yaml";

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper YAML = YAMLMapper.builder(
                    YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");

    /**
     * The class each apiVersion/kind must parse into. A kind missing here fails the test until it is
     * added, so a misspelt apiVersion or kind (which fabric8 turns into a GenericKubernetesResource)
     * never passes for the real thing.
     */
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            entry("v1/Namespace", Namespace.class),
            entry("v1/ServiceAccount", ServiceAccount.class),
            entry("v1/ConfigMap", ConfigMap.class),
            entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
            entry("batch/v1/Job", Job.class),
            entry("batch/v1/CronJob", CronJob.class),
            // Karpenter's CRDs have no fabric8 model: they stay generic, with their apiVersion and kind.
            entry("karpenter.sh/v1/NodePool", GenericKubernetesResource.class),
            entry("karpenter.k8s.aws/v1/EC2NodeClass", GenericKubernetesResource.class));

    // ---------------------------------------------------------------------------------------------
    // Parsing

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    @DisplayName("every document of a manifest file parses into the typed class of its apiVersion and kind")
    void parsesIntoTypedClass(Path file) {
        // When
        List<Manifest> manifests = loadFile(file);

        // Then
        assertThat(manifests).isNotEmpty().allSatisfy(manifest -> {
            assertThat(TYPED)
                    .as(
                            "%s: %s is not a kind these manifests use (a typo in apiVersion or kind?)",
                            manifest, manifest.type())
                    .containsKey(manifest.type());
            assertThat(manifest.resource()).as(manifest.toString()).isExactlyInstanceOf(TYPED.get(manifest.type()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    @DisplayName("no typed manifest has a field its kind does not know (a misspelt field would be ignored)")
    void noUnknownFields(Path file) {
        // Given
        List<Manifest> typed = loadFile(file).stream()
                .filter(manifest -> !(manifest.resource() instanceof GenericKubernetesResource))
                .toList();

        // When / Then
        assertThat(typed)
                .allSatisfy(manifest -> assertThat(unknownFields(manifest.resource()))
                        .as(manifest.toString())
                        .isEmpty());
    }

    @Test
    @DisplayName("the unknown-field check finds a misspelt field by its path")
    void unknownFieldCheckFindsTypos() {
        // Given a Job whose pod spec misspells serviceAccountName
        HasMetadata job = KUBERNETES.unmarshal("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: typo}
                spec:
                  template:
                    spec:
                      serviceAcountName: tacos-capacity-controller
                      containers: [{name: c, image: i}]
                """);

        // When
        Set<String> unknown = unknownFields(job);

        // Then
        assertThat(unknown).containsExactly("spec.template.spec.serviceAcountName");
    }

    @Test
    @DisplayName("a document that does not parse fails the test naming its file, document and line")
    void unparsableDocumentNamesItsFile(@TempDir Path dir) throws IOException {
        // Given a file whose second document is broken YAML
        Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: fine}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: [unclosed
                """);

        // When / Then
        assertThatThrownBy(() -> loadDirectory(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("broken.yaml document 2 (line 5)");
    }

    @Test
    @DisplayName("no two documents define the same object (apply would keep only the last)")
    void noDuplicateObjects() {
        // Given
        List<Manifest> manifests = all();

        // When
        List<String> keys = manifests.stream().map(Manifest::identity).toList();

        // Then
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("every namespaced object names its namespace: tacos-loadtest or the run spec's app namespace")
    void namespacedObjectsNameTheirNamespace() {
        // Given
        Set<String> namespaces = new HashSet<>(of(Namespace.class).stream()
                .map(namespace -> namespace.getMetadata().getName())
                .toList());
        namespaces.add(runSpec().path("kubernetes").path("appNamespace").asText());

        // When
        List<Manifest> namespaced = all().stream()
                .filter(manifest -> manifest.resource() instanceof Namespaced)
                .toList();

        // Then
        assertThat(namespaced)
                .isNotEmpty()
                .allSatisfy(
                        manifest -> assertThat(manifest.resource().getMetadata().getNamespace())
                                .as(manifest.toString())
                                .isIn(namespaces));
    }

    // ---------------------------------------------------------------------------------------------
    // RBAC

    @Test
    @DisplayName("no Role or ClusterRole grants a wildcard verb, resource or API group")
    void noWildcards() {
        // Given
        List<PolicyRule> rules = Stream.concat(
                        of(Role.class).stream().flatMap(role -> role.getRules().stream()),
                        of(ClusterRole.class).stream().flatMap(role -> role.getRules().stream()))
                .toList();

        // When / Then
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getVerbs()).as("verbs of %s", rule).isNotEmpty().doesNotContain("*");
            assertThat(rule.getResources())
                    .as("resources of %s", rule)
                    .isNotEmpty()
                    .noneMatch(r -> r.contains("*"));
            assertThat(rule.getApiGroups()).as("apiGroups of %s", rule).doesNotContain("*");
        });
    }

    @Test
    @DisplayName("every ServiceAccount a binding names is a ServiceAccount of rbac.yaml")
    void boundServiceAccountsExist() {
        // Given
        Set<String> serviceAccounts = new HashSet<>(loadFile(K8S.resolve("rbac.yaml")).stream()
                .filter(manifest -> manifest.resource() instanceof ServiceAccount)
                .map(manifest -> key(
                        manifest.resource().getMetadata().getNamespace(),
                        manifest.resource().getMetadata().getName()))
                .toList());

        // When
        List<String> bound = bindings().stream()
                .flatMap(binding -> binding.subjects().stream())
                .filter(subject -> "ServiceAccount".equals(subject.getKind()))
                .map(subject -> key(subject.getNamespace(), subject.getName()))
                .toList();

        // Then
        assertThat(bound).isNotEmpty();
        assertThat(serviceAccounts).containsAll(bound);
    }

    @Test
    @DisplayName("every binding refers to a Role in its own namespace or a ClusterRole of the manifests")
    void bindingsReferToDefinedRoles() {
        // Given
        Set<String> roles = new HashSet<>();
        of(Role.class)
                .forEach(role -> roles.add(key(
                        "Role",
                        role.getMetadata().getNamespace(),
                        role.getMetadata().getName())));
        of(ClusterRole.class)
                .forEach(role ->
                        roles.add(key("ClusterRole", null, role.getMetadata().getName())));

        // When / Then
        assertThat(bindings()).isNotEmpty().allSatisfy(binding -> {
            RoleRef ref = binding.roleRef();
            String namespace = "Role".equals(ref.getKind()) ? binding.namespace() : null;
            assertThat(roles).as(binding.toString()).contains(key(ref.getKind(), namespace, ref.getName()));
        });
    }

    @Test
    @DisplayName("the runner ServiceAccount may only get ConfigMaps")
    void runnerOnlyGetsConfigMaps() {
        // When
        List<PolicyRule> rules = rulesBoundTo(RUNNER_SA);

        // Then
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("");
            assertThat(rule.getResources()).containsExactly("configmaps");
            assertThat(rule.getVerbs()).containsExactly("get");
        });
    }

    @Test
    @DisplayName("the only Secret the controller may read is the run spec's Redis password Secret, by name")
    void onlySecretIsRedisPassword() {
        // Given
        String secret = runSpec().at("/platform/redis/passwordSecret/name").asText();

        // When
        List<PolicyRule> secretRules = rulesBoundTo(CONTROLLER_SA).stream()
                .filter(rule -> rule.getResources().contains("secrets"))
                .toList();

        // Then
        assertThat(secretRules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.getResourceNames()).containsExactly(secret);
            assertThat(rule.getVerbs()).containsExactly("get");
        });
    }

    @Test
    @DisplayName("the controller may patch the run spec's HPAs and scale Deployments in the app namespace")
    void controllerMayPreScaleTheApp() {
        // Given
        String appNamespace = runSpec().at("/kubernetes/appNamespace").asText();

        // When
        List<PolicyRule> appRules = of(Role.class).stream()
                .filter(role -> appNamespace.equals(role.getMetadata().getNamespace()))
                .filter(role -> boundTo(
                        CONTROLLER_SA, "Role", appNamespace, role.getMetadata().getName()))
                .flatMap(role -> role.getRules().stream())
                .toList();

        // Then
        assertThat(appRules).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains("autoscaling");
            assertThat(rule.getResources()).contains("horizontalpodautoscalers");
            assertThat(rule.getVerbs()).contains("get", "patch");
        });
        assertThat(appRules).anySatisfy(rule -> {
            assertThat(rule.getApiGroups()).contains("apps");
            assertThat(rule.getResources()).contains("deployments/scale");
            assertThat(rule.getVerbs()).contains("get", "patch");
        });
    }

    @Test
    @DisplayName("the controller ServiceAccount carries an IRSA role ARN")
    void controllerHasIrsaRole() {
        // Given
        ServiceAccount controller = serviceAccount(CONTROLLER_SA);

        // When
        String roleArn = controller.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn");

        // Then
        assertThat(roleArn).matches("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+");
    }

    // ---------------------------------------------------------------------------------------------
    // Karpenter

    @Test
    @DisplayName("the loadtest NodePool taints its nodes workload=loadtest:NoSchedule")
    void taint() {
        // When
        List<Map<String, Object>> taints = nodePool().get("spec", "template", "spec", "taints");

        // Then
        assertThat(taints).containsExactly(Map.of("key", "workload", "value", "loadtest", "effect", "NoSchedule"));
    }

    @Test
    @DisplayName("the loadtest NodePool labels its nodes workload-type=loadtest")
    void label() {
        // When
        Map<String, Object> labels = nodePool().get("spec", "template", "metadata", "labels");

        // Then
        assertThat(labels).containsEntry("workload-type", "loadtest");
    }

    @Test
    @DisplayName("the loadtest NodePool only consolidates empty nodes, so no runner is evicted mid-run")
    void consolidatesOnlyEmptyNodes() {
        // When
        String policy = nodePool().get("spec", "disruption", "consolidationPolicy");

        // Then
        assertThat(policy).isEqualTo("WhenEmpty");
    }

    @Test
    @DisplayName("the loadtest NodePool has a CPU limit, so a mis-sized run cannot buy nodes without bound")
    void hasCpuLimit() {
        // When
        Object cpu = nodePool().get("spec", "limits", "cpu");

        // Then
        assertThat(cpu).isNotNull();
    }

    @Test
    @DisplayName("the loadtest NodePool refers to the EC2NodeClass defined beside it by group, kind and name")
    void refersToItsNodeClass() {
        // Given
        GenericKubernetesResource nodeClass = generic("EC2NodeClass");

        // When
        Map<String, Object> ref = nodePool().get("spec", "template", "spec", "nodeClassRef");

        // Then
        assertThat(ref)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "group",
                                nodeClass
                                        .getApiVersion()
                                        .substring(0, nodeClass.getApiVersion().indexOf('/')),
                        "kind", nodeClass.getKind(),
                        "name", nodeClass.getMetadata().getName()));
    }

    // ---------------------------------------------------------------------------------------------
    // The controller's pod (Job and CronJob)

    @Test
    @DisplayName("the controller pod is the same in the one-off Job and the nightly CronJob")
    void jobAndCronJobRunTheSamePod() {
        // Given
        List<ControllerPod> pods = controllerPods().toList();

        // When
        List<PodTemplateSpec> templates =
                pods.stream().map(ControllerPod::template).distinct().toList();

        // Then
        assertThat(pods).extracting(pod -> pod.owner().getKind()).contains("Job", "CronJob");
        assertThat(templates).as("distinct pod templates").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod runs as the controller ServiceAccount of rbac.yaml")
    void runsAsController(ControllerPod pod) {
        // When
        String serviceAccount = pod.spec().getServiceAccountName();

        // Then
        assertThat(serviceAccount).isEqualTo(CONTROLLER_SA);
        assertThat(serviceAccount(CONTROLLER_SA).getMetadata().getNamespace()).isEqualTo(pod.namespace());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod reads --spec from the run-spec ConfigMap mounted in its namespace")
    void mountsRunSpec(ControllerPod pod) {
        // Given
        ConfigMap runSpec = runSpecConfigMap();
        Path specFile = Path.of(argument(pod.container(), "--spec"));

        // When
        Volume volume = pod.volumeMountedAt(specFile.getParent());

        // Then
        assertThat(volume.getConfigMap())
                .as("a ConfigMap volume at %s", specFile.getParent())
                .isNotNull();
        assertThat(volume.getConfigMap().getName())
                .isEqualTo(runSpec.getMetadata().getName());
        assertThat(runSpec.getMetadata().getNamespace()).isEqualTo(pod.namespace());
        assertThat(runSpec.getData()).containsKey(specFile.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod writes --reports onto a PersistentVolumeClaim of the manifests, in its namespace")
    void writesReportsToClaim(ControllerPod pod) {
        // Given
        Path reports = Path.of(argument(pod.container(), "--reports"));

        // When
        Volume volume = pod.volumeMountedAt(reports);

        // Then
        assertThat(volume.getPersistentVolumeClaim())
                .as("a PVC volume at %s", reports)
                .isNotNull();
        assertThat(of(PersistentVolumeClaim.class))
                .extracting(claim -> key(
                        claim.getMetadata().getNamespace(), claim.getMetadata().getName()))
                .contains(key(pod.namespace(), volume.getPersistentVolumeClaim().getClaimName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod runs the image the run spec gives the runners")
    void usesTheRunnersImage(ControllerPod pod) {
        // When
        String image = pod.container().getImage();

        // Then
        assertThat(image).isEqualTo(runSpec().at("/kubernetes/image").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod gives the image's entrypoint (the CLI, ImageIT) the run command and sets no "
            + "command of its own")
    void runsTheImagesEntrypoint(ControllerPod pod) {
        // When
        Container container = pod.container();

        // Then
        assertThat(container.getCommand()).as("%s: command", pod).isEmpty();
        assertThat(container.getArgs()).as("%s: args", pod).first().isEqualTo("run");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod selects the loadtest NodePool's label and tolerates its taint")
    void landsOnLoadtestNodes(ControllerPod pod) {
        // Given
        Map<String, Object> labels = nodePool().get("spec", "template", "metadata", "labels");
        List<Map<String, Object>> taints = nodePool().get("spec", "template", "spec", "taints");

        // When
        Map<String, String> nodeSelector = pod.spec().getNodeSelector();
        List<Toleration> tolerations = pod.spec().getTolerations();

        // Then
        assertThat(nodeSelector).containsAllEntriesOf(stringMap(labels));
        assertThat(taints)
                .isNotEmpty()
                .allSatisfy(taint ->
                        assertThat(tolerations).as("tolerations of %s", taint).anyMatch(tolerates(taint)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod asks Karpenter not to disrupt its node while it runs")
    void notDisrupted(ControllerPod pod) {
        // When
        Map<String, String> annotations = pod.template().getMetadata().getAnnotations();

        // Then
        assertThat(annotations).containsEntry("karpenter.sh/do-not-disrupt", "true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controllerPods")
    @DisplayName("the controller pod is never retried (a retry would load the platform again) and has a deadline")
    void noRetryAndDeadline(ControllerPod pod) {
        // When / Then
        assertThat(pod.backoffLimit()).isZero();
        assertThat(pod.activeDeadlineSeconds()).isPositive();
        assertThat(pod.spec().getRestartPolicy()).isEqualTo("Never");
    }

    // ---------------------------------------------------------------------------------------------
    // The run spec and SLO file in the ConfigMap

    @Test
    @DisplayName("the run spec binds into the controller's RunSpec: kubernetes backend, 30k at the default share")
    void bindsIntoTheControllersRunSpec() {
        // Given
        String yaml = runSpecConfigMap().getData().get(RUN_SPEC_KEY);

        // When
        RunSpec spec = RunSpecFile.parse(yaml, RUN_SPEC_KEY).toSpec("nightly-1");

        // Then
        assertThat(spec.backend()).isEqualTo(RunSpec.Backend.KUBERNETES);
        assertThat(spec.profile().name()).isEqualTo("30k");
        assertThat(spec.runners())
                .isEqualTo(RunSpecFile.parse(yaml, RUN_SPEC_KEY).sizing().runners());
        assertThat(spec.target()).hasHost("gateway-api.tacos-app.svc.cluster.local");
        assertThat(spec.scale()).isNotEmpty().allSatisfy(target -> {
            assertThat(target.kind()).isEqualTo(ScaleTarget.Kind.HPA);
            assertThat(target.namespace()).isEqualTo(spec.kubernetes().appNamespace());
        });
        assertThat(spec.platform().redis().secretName()).isEqualTo("tacos-redis-auth");
        assertThat(spec.platform().cloudwatch().cacheClusterIds()).containsExactly("tacos-redis-0001-001");
        assertThat(spec.sloFile()).isAbsolute();
    }

    @Test
    @DisplayName("the run spec pre-scales every HPA to 1 <= min <= max")
    void scaleBounds() {
        // When
        JsonNode scale = runSpec().path("scale");

        // Then
        assertThat(scale).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path("min").isIntegralNumber() && entry.path("max").isIntegralNumber())
                    .as("%s: whole numbers", entry)
                    .isTrue();
            assertThat(entry.path("min").asInt())
                    .as("%s", entry)
                    .isBetween(1, entry.path("max").asInt());
        });
    }

    @Test
    @DisplayName("the run spec names the namespaces the manifests use: its own for runners, the Roles' for the app")
    void namespacesMatchTheManifests() {
        // Given
        JsonNode spec = runSpec();

        // When
        String namespace = spec.at("/kubernetes/namespace").asText();
        String appNamespace = spec.at("/kubernetes/appNamespace").asText();

        // Then
        assertThat(of(Namespace.class))
                .extracting(n -> n.getMetadata().getName())
                .contains(namespace);
        assertThat(serviceAccount(RUNNER_SA).getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(of(Role.class))
                .extracting(role -> role.getMetadata().getNamespace())
                .contains(appNamespace);
    }

    @Test
    @DisplayName("the run spec points slo at a file of the same ConfigMap, mounted beside the run spec")
    void sloIsMountedBesideTheSpec() {
        // Given
        Path slo = Path.of(runSpec().path("slo").asText());
        ControllerPod pod = controllerPods().findFirst().orElseThrow();

        // When
        Volume volume = pod.volumeMountedAt(slo.getParent());

        // Then
        assertThat(volume.getConfigMap()).isNotNull();
        assertThat(volume.getConfigMap().getName())
                .isEqualTo(runSpecConfigMap().getMetadata().getName());
        assertThat(runSpecConfigMap().getData()).containsKey(slo.getFileName().toString());
    }

    @Test
    @DisplayName("the run spec comes with an SLO file that SloFile parses into the runbook SLOs")
    void sloFileParses() {
        // Given
        String sloFile = slo().getFileName().toString();
        String yaml = runSpecConfigMap().getData().get(sloFile);

        // When
        List<Slo> slos = SloFile.parse(yaml, "run-spec.yaml: " + sloFile).slos();

        // Then
        assertThat(slos)
                .containsExactly(
                        new Slo("p99 latency", Metric.P99_MS, 100),
                        new Slo("p95 latency", Metric.P95_MS, 500),
                        new Slo("error rate", Metric.ERROR_RATE, 0.01));
    }

    private Path slo() {
        return Path.of(runSpec().path("slo").asText());
    }

    // ---------------------------------------------------------------------------------------------
    // Files beside the manifests

    @Test
    @DisplayName("the CI workflow is YAML with a job, run by hand (workflow_dispatch) and on a schedule")
    void workflowTriggers() throws IOException {
        // When
        JsonNode workflow = YAML.readTree(Files.readString(WORKFLOW));

        // Then
        assertThat(fieldNames(workflow.path("on"))).contains("workflow_dispatch", "schedule");
        assertThat(workflow.at("/on/schedule/0/cron").asText()).isNotBlank();
        assertThat(workflow.path("jobs"))
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.path("steps")).isNotEmpty());
    }

    @Test
    @DisplayName("the CI workflow publishes summary.md, junit.xml and the report folder even when the run fails")
    void workflowPublishesOnFailure() throws IOException {
        // Given
        JsonNode workflow = YAML.readTree(Files.readString(WORKFLOW));
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));

        // When
        List<JsonNode> publishing = steps.stream()
                .filter(step -> step.path("run").asText().contains("GITHUB_STEP_SUMMARY")
                        || step.at("/with/path").asText().contains("junit.xml")
                        || step.path("uses").asText().startsWith("actions/upload-artifact"))
                .toList();

        // Then
        assertThat(publishing)
                .hasSize(3)
                .allSatisfy(step -> assertThat(step.path("if").asText())
                        .as(step.path("name").asText())
                        .contains("always()"));
    }

    @Test
    @DisplayName("the IAM policy allows the controller's CloudWatch reads and nothing else")
    void iamPolicy() throws IOException {
        // When
        JsonNode policy = JSON.readTree(Files.readString(IAM_POLICY));

        // Then
        Set<String> actions = new HashSet<>();
        assertThat(policy.path("Statement")).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            statement.path("Action").forEach(action -> actions.add(action.asText()));
        });
        assertThat(actions).containsExactlyInAnyOrder("cloudwatch:GetMetricData", "cloudwatch:ListMetrics");
    }

    // ---------------------------------------------------------------------------------------------
    // Loading

    /** One document of a manifest file, parsed. */
    record Manifest(String file, int document, int line, HasMetadata resource) {
        String type() {
            return resource.getApiVersion() + "/" + resource.getKind();
        }

        /** What {@code kubectl apply} identifies the object by (generateName for Jobs created per run). */
        String identity() {
            String name = Objects.requireNonNullElse(
                    resource.getMetadata().getName(), resource.getMetadata().getGenerateName() + "*");
            return key(type(), resource.getMetadata().getNamespace(), name);
        }

        @Override
        public String toString() {
            return file + " document " + document + " (line " + line + ")";
        }
    }

    /** The pod a Job or a CronJob runs. */
    record ControllerPod(
            String where,
            HasMetadata owner,
            PodTemplateSpec template,
            Integer backoffLimit,
            Long activeDeadlineSeconds) {
        String namespace() {
            return owner.getMetadata().getNamespace();
        }

        PodSpec spec() {
            return template.getSpec();
        }

        Container container() {
            assertThat(spec().getContainers()).as("%s: containers", where).hasSize(1);
            return spec().getContainers().get(0);
        }

        /** The volume mounted exactly at {@code path} in the container. */
        Volume volumeMountedAt(Path path) {
            VolumeMount mount = container().getVolumeMounts().stream()
                    .filter(candidate -> Path.of(candidate.getMountPath()).equals(path))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": nothing is mounted at " + path));
            return spec().getVolumes().stream()
                    .filter(volume -> volume.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no volume " + mount.getName()));
        }

        @Override
        public String toString() {
            return where;
        }
    }

    record Binding(String where, String namespace, RoleRef roleRef, List<Subject> subjects) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Stream<Path> manifestFiles() {
        return yamlFiles(K8S).stream();
    }

    static Stream<ControllerPod> controllerPods() {
        return all().stream().flatMap(manifest -> {
            if (manifest.resource() instanceof Job job) {
                return Stream.of(new ControllerPod(
                        manifest.toString(),
                        job,
                        job.getSpec().getTemplate(),
                        job.getSpec().getBackoffLimit(),
                        job.getSpec().getActiveDeadlineSeconds()));
            }
            if (manifest.resource() instanceof CronJob cronJob) {
                var spec = cronJob.getSpec().getJobTemplate().getSpec();
                return Stream.of(new ControllerPod(
                        manifest.toString(),
                        cronJob,
                        spec.getTemplate(),
                        spec.getBackoffLimit(),
                        spec.getActiveDeadlineSeconds()));
            }
            return Stream.empty();
        });
    }

    private static List<Manifest> all() {
        return loadDirectory(K8S);
    }

    private static List<Manifest> loadDirectory(Path dir) {
        return yamlFiles(dir).stream().flatMap(file -> loadFile(file).stream()).toList();
    }

    private static List<Path> yamlFiles(Path dir) {
        assertThat(dir)
                .as("the manifests folder (tests run from the project root)")
                .isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every document of one file, split on {@code ---} lines; documents of only comments are skipped.
     * A document that does not parse is an AssertionError naming the file, the document and its line.
     */
    private static List<Manifest> loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString();
        List<Manifest> manifests = new ArrayList<>();
        Matcher separator = DOCUMENT_SEPARATOR.matcher(text);
        int start = 0;
        int document = 0;
        while (start <= text.length()) {
            int end = separator.find(start) ? separator.start() : text.length();
            String yaml = text.substring(start, end);
            if (!onlyComments(yaml)) {
                document++;
                int line = firstContentLine(text, start);
                manifests.add(new Manifest(
                        name, document, line, parse(yaml, name + " document " + document + " (line " + line + ")")));
            }
            if (end == text.length()) {
                break;
            }
            start = separator.end();
        }
        assertThat(manifests).as("%s holds no manifest", name).isNotEmpty();
        return manifests;
    }

    private static HasMetadata parse(String yaml, String where) {
        Object parsed;
        try {
            parsed = KUBERNETES.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new AssertionError(where + " does not parse: " + e.getMessage(), e);
        }
        if (!(parsed instanceof HasMetadata resource)
                || resource.getKind() == null
                || resource.getApiVersion() == null
                || resource.getMetadata() == null) {
            throw new AssertionError(where + " is not a Kubernetes object with apiVersion, kind and metadata");
        }
        return resource;
    }

    private static boolean onlyComments(String yaml) {
        return yaml.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("#"));
    }

    /** The 1-based line of the first non-comment line at or after {@code offset}. */
    private static int firstContentLine(String text, int offset) {
        int line =
                (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        for (String candidate : text.substring(offset).split("\n", -1)) {
            String stripped = candidate.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return line;
            }
            line++;
        }
        return line;
    }

    // ---------------------------------------------------------------------------------------------
    // Lookups

    private static <T extends HasMetadata> List<T> of(Class<T> type) {
        return all().stream()
                .map(Manifest::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static GenericKubernetesResource generic(String kind) {
        List<GenericKubernetesResource> found = of(GenericKubernetesResource.class).stream()
                .filter(resource -> kind.equals(resource.getKind()))
                .toList();
        assertThat(found).as("the %s", kind).hasSize(1);
        return found.get(0);
    }

    private static GenericKubernetesResource nodePool() {
        return generic("NodePool");
    }

    private static ServiceAccount serviceAccount(String name) {
        return of(ServiceAccount.class).stream()
                .filter(account -> name.equals(account.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ServiceAccount " + name));
    }

    /** The ConfigMap holding the run spec. */
    private static ConfigMap runSpecConfigMap() {
        List<ConfigMap> found = of(ConfigMap.class).stream()
                .filter(map -> map.getData() != null && map.getData().containsKey(RUN_SPEC_KEY))
                .toList();
        assertThat(found).as("ConfigMaps with a %s key", RUN_SPEC_KEY).hasSize(1);
        return found.get(0);
    }

    private static JsonNode runSpec() {
        String yaml = runSpecConfigMap().getData().get(RUN_SPEC_KEY);
        try {
            JsonNode spec = YAML.readTree(yaml);
            assertThat(spec).as("the run spec").isNotNull();
            assertThat(spec.isObject()).as("the run spec is a mapping").isTrue();
            return spec;
        } catch (IOException e) {
            throw new AssertionError("the run spec in the ConfigMap is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        all().forEach(manifest -> {
            if (manifest.resource() instanceof RoleBinding binding) {
                bindings.add(new Binding(
                        manifest.toString(),
                        binding.getMetadata().getNamespace(),
                        binding.getRoleRef(),
                        binding.getSubjects()));
            } else if (manifest.resource() instanceof ClusterRoleBinding binding) {
                bindings.add(new Binding(manifest.toString(), null, binding.getRoleRef(), binding.getSubjects()));
            }
        });
        return bindings;
    }

    private static boolean boundTo(String serviceAccount, String roleKind, String namespace, String roleName) {
        return bindings().stream()
                .filter(binding -> roleKind.equals(binding.roleRef().getKind())
                        && roleName.equals(binding.roleRef().getName())
                        && Objects.equals(namespace, "Role".equals(roleKind) ? binding.namespace() : null))
                .flatMap(binding -> binding.subjects().stream())
                .anyMatch(subject ->
                        "ServiceAccount".equals(subject.getKind()) && serviceAccount.equals(subject.getName()));
    }

    /** Every rule of every Role and ClusterRole bound to the ServiceAccount. */
    private static List<PolicyRule> rulesBoundTo(String serviceAccount) {
        Stream<PolicyRule> roleRules = of(Role.class).stream()
                .filter(role -> boundTo(
                        serviceAccount,
                        "Role",
                        role.getMetadata().getNamespace(),
                        role.getMetadata().getName()))
                .flatMap(role -> role.getRules().stream());
        Stream<PolicyRule> clusterRules = of(ClusterRole.class).stream()
                .filter(role -> boundTo(
                        serviceAccount, "ClusterRole", null, role.getMetadata().getName()))
                .flatMap(role -> role.getRules().stream());
        return Stream.concat(roleRules, clusterRules).toList();
    }

    /** The value after {@code option} in the container's args ({@code --opt value} or {@code --opt=value}). */
    private static String argument(Container container, String option) {
        List<String> args = container.getArgs();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(option) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(option + "=")) {
                return args.get(i).substring(option.length() + 1);
            }
        }
        throw new AssertionError("no " + option + " in the args " + args);
    }

    private static Predicate<Toleration> tolerates(Map<String, Object> taint) {
        return toleration -> Objects.equals(toleration.getKey(), taint.get("key"))
                && ("Exists".equals(toleration.getOperator())
                        || Objects.equals(toleration.getValue(), taint.get("value")))
                && (toleration.getEffect() == null || toleration.getEffect().equals(taint.get("effect")));
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        assertThat(map).isNotEmpty();
        return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private static List<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("%s is a mapping", node).isTrue();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String key(String... parts) {
        return String.join(
                "/", Stream.of(parts).map(part -> part == null ? "-" : part).toList());
    }

    // ---------------------------------------------------------------------------------------------
    // Unknown fields

    /**
     * The paths of every field fabric8 did not recognise: its models keep those in additionalProperties
     * instead of failing, so a misspelt field would otherwise be silently dropped by the API server.
     */
    static Set<String> unknownFields(HasMetadata resource) {
        Set<String> found = new LinkedHashSet<>();
        walk(resource, "", found);
        return found;
    }

    private static void walk(Object value, String path, Set<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, join(path, String.valueOf(key)), found));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
                }
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                walk(child, join(path, property), found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter + " of " + target.getClass(), e);
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
