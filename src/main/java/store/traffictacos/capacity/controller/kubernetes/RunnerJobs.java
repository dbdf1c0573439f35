package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import store.traffictacos.capacity.controller.fleet.RunnerLaunch;
import store.traffictacos.capacity.runner.RunnerContract;

/** The Kubernetes objects of one run: its Indexed Job of runners and its ConfigMap. Pure functions. */
public final class RunnerJobs {

    public static final String RUN_ID_LABEL = "capacity.traffictacos.store/run-id";
    static final String CONTAINER = "runner";
    static final String PROPERTIES_VOLUME = "settings";
    /**
     * The runner's working folder, where it writes {@code reports/<run-id>/} before printing it to its log: an
     * emptyDir, because the image runs as a non-root user that may not write to the image's own folders.
     */
    static final String WORK_VOLUME = "work";

    static final String WORK_DIR = "/work";
    /** Time a stopped runner has to print its partial results before it is killed. */
    static final long TERMINATION_GRACE_SECONDS = 60;

    /**
     * The arguments after the image's entrypoint, which starts the CLI ({@code java <JVM flags> -cp ...
     * TacosCapacity}, built by Jib from the pom): the container sets no command of its own.
     */
    static final List<String> ARGS =
            List.of("runner", "--properties", RunnerContract.PROPERTIES_PATH, "--start-signal", "configmap");

    private RunnerJobs() {}

    /** The labels of everything the run creates, its pods included. */
    public static Map<String, String> labels(String runId) {
        return Map.of(
                "app.kubernetes.io/name",
                "tacos-capacity",
                "app.kubernetes.io/component",
                "runner",
                "app.kubernetes.io/instance",
                runId,
                "app.kubernetes.io/managed-by",
                "tacos-capacity",
                RUN_ID_LABEL,
                runId);
    }

    /**
     * One pod per runner index. A failed runner is not retried ({@code backoffLimit: 0}): a rerun
     * would shift its share of the load in time against the others.
     */
    public static Job job(RunnerLaunch launch, String namespace) {
        String name = RunnerContract.resourceName(launch.runId());
        Map<String, String> labels = labels(launch.runId());
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withParallelism(launch.runnerCount())
                .withCompletions(launch.runnerCount())
                .withBackoffLimit(0)
                .withTtlSecondsAfterFinished(
                        Math.toIntExact(launch.ttlAfterFinished().toSeconds()))
                .withActiveDeadlineSeconds(launch.activeDeadline().toSeconds())
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                // Karpenter must not consolidate a node away while its runner is generating load.
                .addToAnnotations("karpenter.sh/do-not-disrupt", "true")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(launch.serviceAccount())
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                .withNodeSelector(launch.nodeSelector())
                .withTolerations(launch.tolerations().stream()
                        .map(t -> new TolerationBuilder()
                                .withKey(t.key())
                                .withOperator(t.operator())
                                .withValue(t.value())
                                .withEffect(t.effect())
                                .build())
                        .collect(Collectors.toList()))
                .withContainers(container(launch))
                .addNewVolume()
                .withName(PROPERTIES_VOLUME)
                .withNewConfigMap()
                .withName(name)
                .addNewItem()
                .withKey(RunnerContract.PROPERTIES_KEY)
                .withPath(RunnerContract.PROPERTIES_KEY)
                .endItem()
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName(WORK_VOLUME)
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The runners' properties, owned by {@code createdJob} (as the API returned it, with its uid)
     * so that Kubernetes deletes it with the Job. Where the OwnerReferencesPermissionEnforcement
     * admission plugin is on, {@code blockOwnerDeletion} also needs {@code update} on
     * {@code jobs/finalizers}.
     */
    public static ConfigMap configMap(RunnerLaunch launch, Job createdJob) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(RunnerContract.resourceName(launch.runId()))
                .withNamespace(createdJob.getMetadata().getNamespace())
                .withLabels(labels(launch.runId()))
                .addNewOwnerReference()
                .withApiVersion("batch/v1")
                .withKind("Job")
                .withName(createdJob.getMetadata().getName())
                .withUid(createdJob.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .endOwnerReference()
                .endMetadata()
                .addToData(
                        RunnerContract.PROPERTIES_KEY,
                        propertiesText(launch.runner().toProperties()))
                .build();
    }

    private static Container container(RunnerLaunch launch) {
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(launch.resources().cpu()),
                "memory", new Quantity(launch.resources().memory()));
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(launch.image())
                .withArgs(ARGS)
                .withWorkingDir(WORK_DIR)
                .withEnv(
                        value(RunnerContract.ENV_RUN_ID, launch.runId()),
                        field(RunnerContract.ENV_NAMESPACE, "metadata.namespace"),
                        field(RunnerContract.ENV_POD_NAME, "metadata.name"))
                .withNewResources()
                .withRequests(resources)
                .withLimits(resources)
                .endResources()
                .addNewVolumeMount()
                .withName(PROPERTIES_VOLUME)
                .withMountPath(RunnerContract.PROPERTIES_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName(WORK_VOLUME)
                .withMountPath(WORK_DIR)
                .endVolumeMount()
                .build();
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar field(String name, String fieldPath) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath(fieldPath)
                .endFieldRef()
                .endValueFrom()
                .build();
    }

    /**
     * Java properties text, one entry a line, sorted, as {@link Properties#store} escapes it
     * (non-ASCII as {@code \\uXXXX}, so it reads back the same as bytes or characters), without
     * the timestamp comment that would make equal runs differ.
     */
    static String propertiesText(Map<String, String> properties) {
        Properties escaped = new Properties();
        escaped.putAll(properties);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            escaped.store(bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1)
                .lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }
}
