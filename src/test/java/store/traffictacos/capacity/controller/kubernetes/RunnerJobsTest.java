package store.traffictacos.capacity.controller.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.IMAGE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.NAMESPACE;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.RUN_ID;
import static store.traffictacos.capacity.controller.kubernetes.TestLaunches.launch;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.controller.fleet.RunnerResources;
import store.traffictacos.capacity.controller.fleet.Toleration;
import store.traffictacos.capacity.runner.RunnerSettings;

@DisplayName("RunnerJobs")
class RunnerJobsTest {

    private static final String NAME = "tacos-run-" + RUN_ID;

    private final Job job = RunnerJobs.job(launch(3), NAMESPACE);
    private final PodSpec pod = job.getSpec().getTemplate().getSpec();
    private final Container runner = pod.getContainers().get(0);

    @Test
    @DisplayName("the Job is named after the run, in the load-test namespace")
    void name() {
        assertThat(job.getMetadata().getName()).isEqualTo(NAME);
        assertThat(job.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    }

    @Test
    @DisplayName("one pod per runner index, all at once: Indexed, parallelism = completions = runner count")
    void indexed() {
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getParallelism()).isEqualTo(3);
        assertThat(job.getSpec().getCompletions()).isEqualTo(3);
    }

    @Test
    @DisplayName("a failed runner is not retried: backoffLimit 0, no per-index limit, restartPolicy Never")
    void noRetries() {
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getBackoffLimitPerIndex()).isNull();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    @DisplayName("the finished Job is kept for the ttl (default 1h) and stopped at the active deadline")
    void lifetime() {
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(40 * 60);
    }

    @Test
    @DisplayName("the active deadline covers the barrier, the run and a margin")
    void activeDeadline() {
        assertThat(RunnerLaunch.activeDeadline(Duration.ofMinutes(10), Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    @DisplayName("runners are placed on the load-test node pool by default: node selector and toleration")
    void defaultPlacement() {
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("workload-type", "loadtest"));
        assertThat(pod.getTolerations()).singleElement().satisfies(toleration -> {
            assertThat(toleration.getKey()).isEqualTo("workload");
            assertThat(toleration.getOperator()).isEqualTo("Equal");
            assertThat(toleration.getValue()).isEqualTo("loadtest");
            assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
        });
    }

    @Test
    @DisplayName("placement, resources, service account and ttl are configurable")
    void configurable() {
        // Given
        RunnerLaunch custom = launch(2)
                .withPlacement(
                        Map.of("pool", "gatling"), List.of(new Toleration("dedicated", "Exists", null, "NoExecute")))
                .withResources(new RunnerResources("4", "8Gi"))
                .withServiceAccount("custom-runner")
                .withTtlAfterFinished(Duration.ofMinutes(5));

        // When
        Job customJob = RunnerJobs.job(custom, NAMESPACE);

        // Then
        PodSpec customPod = customJob.getSpec().getTemplate().getSpec();
        assertThat(customPod.getNodeSelector()).containsExactly(Map.entry("pool", "gatling"));
        assertThat(customPod.getTolerations())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey() + " " + t.getOperator() + " " + t.getEffect())
                        .isEqualTo("dedicated Exists NoExecute"));
        assertThat(customPod.getContainers().get(0).getResources().getLimits())
                .containsEntry("cpu", new Quantity("4"))
                .containsEntry("memory", new Quantity("8Gi"));
        assertThat(customPod.getServiceAccountName()).isEqualTo("custom-runner");
        assertThat(customJob.getSpec().getTtlSecondsAfterFinished()).isEqualTo(300);
    }

    @Test
    @DisplayName("a runner gets exactly what it asks for: requests = limits, by default 2 CPU and 4Gi")
    void resources() {
        Map<String, Quantity> expected = Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi"));
        assertThat(runner.getResources().getRequests()).isEqualTo(expected);
        assertThat(runner.getResources().getLimits()).isEqualTo(expected);
    }

    @Test
    @DisplayName("the Job and its pods carry the app labels and the run id")
    void labels() {
        Map<String, String> expected = Map.of(
                "app.kubernetes.io/name", "tacos-capacity",
                "app.kubernetes.io/component", "runner",
                "app.kubernetes.io/instance", RUN_ID,
                "app.kubernetes.io/managed-by", "tacos-capacity",
                "capacity.traffictacos.store/run-id", RUN_ID);
        assertThat(job.getMetadata().getLabels()).isEqualTo(expected);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(expected);
    }

    @Test
    @DisplayName("the runner container gives the image's entrypoint (the CLI, ImageIT) the runner command with the "
            + "mounted properties and the ConfigMap start signal, and sets no command of its own")
    void command() {
        assertThat(runner.getName()).isEqualTo("runner");
        assertThat(runner.getImage()).isEqualTo(IMAGE);
        assertThat(runner.getCommand()).isEmpty();
        assertThat(runner.getArgs())
                .containsExactly(
                        "runner", "--properties", "/etc/tacos/runner.properties", "--start-signal", "configmap");
    }

    @Test
    @DisplayName("the runner works in an emptyDir at /work, writable by the image's non-root user")
    void workingFolder() {
        assertThat(runner.getWorkingDir()).isEqualTo("/work");
        Volume work = pod.getVolumes().stream()
                .filter(volume -> volume.getEmptyDir() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no emptyDir volume in " + pod.getVolumes()));
        assertThat(runner.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo(work.getName());
            assertThat(mount.getMountPath()).isEqualTo("/work");
            assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        });
    }

    @Test
    @DisplayName("env: run id and runner count as values, namespace and pod name from the downward API")
    void env() {
        assertThat(runner.getEnv())
                .extracting(EnvVar::getName)
                .containsExactly("RUN_ID", "TACOS_NAMESPACE", "POD_NAME");
        assertThat(env("RUN_ID").getValue()).isEqualTo(RUN_ID);
        assertThat(env("TACOS_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(env("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    }

    @Test
    @DisplayName("the ConfigMap's runner.properties key is mounted read-only at /etc/tacos/runner.properties")
    void propertiesMount() {
        Volume volume = pod.getVolumes().get(0);
        assertThat(volume.getConfigMap().getName()).isEqualTo(NAME);
        assertThat(volume.getConfigMap().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("runner.properties");
            assertThat(item.getPath()).isEqualTo("runner.properties");
        });
        assertThat(runner.getVolumeMounts())
                .filteredOn(mount -> mount.getName().equals(volume.getName()))
                .singleElement()
                .satisfies(mount -> {
                    assertThat(mount.getMountPath()).isEqualTo("/etc/tacos");
                    assertThat(mount.getReadOnly()).isTrue();
                });
    }

    @Test
    @DisplayName("pods run as the runner service account, with at least 30 s to print partial results when stopped")
    void serviceAccountAndGrace() {
        assertThat(pod.getServiceAccountName()).isEqualTo("tacos-capacity-runner");
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30);
    }

    @Test
    @DisplayName("pods ask Karpenter not to disrupt their node mid-run")
    void doNotDisrupt() {
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("karpenter.sh/do-not-disrupt", "true");
    }

    @Test
    @DisplayName("the ConfigMap is owned by the created Job: its uid, controller and blockOwnerDeletion")
    void ownerReference() {
        // Given the Job as the API server returned it
        Job created = new JobBuilder(job)
                .editMetadata()
                .withUid("0b7c-uid")
                .endMetadata()
                .build();

        // When
        ConfigMap configMap = RunnerJobs.configMap(launch(3), created);

        // Then
        assertThat(configMap.getMetadata().getName()).isEqualTo(NAME);
        assertThat(configMap.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(configMap.getMetadata().getLabels()).containsEntry("capacity.traffictacos.store/run-id", RUN_ID);
        OwnerReference owner = configMap.getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getApiVersion()).isEqualTo("batch/v1");
        assertThat(owner.getKind()).isEqualTo("Job");
        assertThat(owner.getName()).isEqualTo(NAME);
        assertThat(owner.getUid()).isEqualTo("0b7c-uid");
        assertThat(owner.getController()).isTrue();
        assertThat(owner.getBlockOwnerDeletion()).isTrue();
    }

    @Test
    @DisplayName("the ConfigMap carries the launch's runner settings under runner.properties, as they read back")
    void configMapProperties() throws IOException {
        // When
        ConfigMap configMap = RunnerJobs.configMap(launch(3), job);

        // Then
        Map<String, String> properties = new HashMap<>();
        load(configMap.getData().get("runner.properties"))
                .forEach((key, value) -> properties.put((String) key, (String) value));
        assertThat(RunnerSettings.fromProperties(properties, null))
                .isEqualTo(launch(3).runner());
    }

    @Test
    @DisplayName("runner.properties reads back as the given properties, special characters included, as plain ASCII")
    void propertiesText() throws IOException {
        // Given
        Map<String, String> properties = Map.of(
                "target.url",
                "https://api.example:8443/a=b",
                "note",
                "line one\nline two #not a comment",
                "user.agent",
                "k6-load-test/1.0 ünïcode");

        // When
        String text = RunnerJobs.propertiesText(properties);

        // Then
        assertThat(load(text)).containsExactlyInAnyOrderEntriesOf(properties);
        assertThat(text).isASCII().doesNotStartWith("#");
    }

    private static Properties load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private EnvVar env(String name) {
        return runner.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
