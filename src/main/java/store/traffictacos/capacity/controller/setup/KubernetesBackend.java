package store.traffictacos.capacity.controller.setup;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import store.traffictacos.capacity.config.TextFiles;
import store.traffictacos.capacity.controller.RunBackend;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.controller.kubernetes.KubernetesPlatformScaler;
import store.traffictacos.capacity.controller.kubernetes.KubernetesRunnerFleet;
import store.traffictacos.capacity.controller.kubernetes.NodePoolRoom;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * The Kubernetes backend: one API client (the spec's kubeconfig and context, else $KUBECONFIG,
 * ~/.kube/config, or the pod's service account) for the runner Job, the platform scaler and the
 * Kubernetes sampler. Works from a laptop with a kubeconfig and from a pod in the cluster alike.
 */
public final class KubernetesBackend {
    private KubernetesBackend() {}

    /**
     * @param runnerLines every line the runners print, read from their pods' logs
     * @throws IllegalArgumentException one line, e.g. when there is no kubeconfig and no service account
     */
    public static RunBackend open(RunSpec spec, BiConsumer<Integer, String> runnerLines) {
        KubernetesClient client =
                client(spec.kubernetes().kubeconfig(), spec.kubernetes().context());
        try {
            List<PlatformSampler> live = new ArrayList<>(PlatformSources.live(spec, client));
            RunSpec.KubernetesSpec k8s = spec.kubernetes();
            return new RunBackend(
                    spec.target(),
                    new KubernetesRunnerFleet(client, k8s.namespace(), runnerLines),
                    new KubernetesPlatformScaler(client),
                    () -> NodePoolRoom.check(client, k8s.nodePool(), spec.runners(), k8s.runnerCpu()),
                    live,
                    PlatformSources.afterwards(spec),
                    List.of(client));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * The client for a kubeconfig (null: the default one) and context (null: its current one); a
     * one-line error when there is no cluster to talk to.
     */
    public static KubernetesClient client(Path kubeconfig, String context) {
        return new KubernetesClientBuilder()
                .withConfig(config(kubeconfig, context))
                .build();
    }

    static Config config(Path kubeconfig, String context) {
        if (kubeconfig != null) {
            return Config.fromKubeconfig(context, TextFiles.read(kubeconfig, "kubeconfig"), kubeconfig.toString());
        }
        String env = System.getenv("KUBECONFIG");
        Path file = env != null && !env.isBlank()
                ? Path.of(env.split(java.io.File.pathSeparator)[0])
                : Path.of(System.getProperty("user.home"), ".kube", "config");
        boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null;
        if (!Files.exists(file) && !inCluster) {
            throw new IllegalArgumentException("no kubeconfig: " + file + " does not exist and this is not a pod "
                    + "in a cluster; set KUBECONFIG or --kubeconfig");
        }
        return context == null ? Config.autoConfigure(null) : Config.autoConfigure(context);
    }
}
