package store.traffictacos.capacity.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.controller.setup.KubernetesBackend;

/**
 * The cluster a command talks to: the kubeconfig and context. {@code collect} and {@code restore} open a
 * client with them; {@code run} sets them over its run spec's {@code kubernetes:} section.
 */
final class ClusterOptions {
    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Default: $KUBECONFIG, ~/.kube/config, " + "or the pod's service account.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    String context;

    KubernetesClient client() {
        return KubernetesBackend.client(kubeconfig, context);
    }
}
