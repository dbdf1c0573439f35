package store.traffictacos.capacity.controller.spec;

import static store.traffictacos.capacity.controller.spec.SpecValues.path;
import static store.traffictacos.capacity.controller.spec.SpecValues.text;

import java.util.List;
import java.util.Map;
import store.traffictacos.capacity.controller.RunSpec.KubernetesSpec;
import store.traffictacos.capacity.controller.fleet.Toleration;

/** The run spec's {@code kubernetes:} section: where the runner Job goes and what it may use. */
public final class KubernetesFields {
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
        return new KubernetesSpec(
                namespace,
                appNamespace,
                image,
                runnerCpu,
                runnerMemory,
                serviceAccount,
                nodeSelector,
                tolerations,
                ttlSecondsAfterFinished,
                path(kubeconfig),
                context,
                nodePool);
    }
}
