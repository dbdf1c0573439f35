package store.traffictacos.capacity.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.setup.KubernetesBackend;
import store.traffictacos.capacity.net.ConnectionFailures;

/**
 * The cluster a command talks to: the kubeconfig and context. {@code collect} and {@code restore} open a
 * client with them; {@code run} sets them over its run spec's {@code kubernetes:} section.
 */
final class ClusterOptions {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "Default: $KUBECONFIG, ~/.kube/config, " + "or the pod's service account.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    String context;

    /**
     * A client of the cluster, once its API server answers a connection: the client itself would retry an
     * unreachable server for about 20 s and then fail without saying which.
     *
     * @throws IllegalArgumentException one line naming the API server and why it cannot be reached
     */
    KubernetesClient client() {
        KubernetesClient client = KubernetesBackend.client(kubeconfig, context);
        try {
            reachable(client.getMasterUrl());
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static void reachable(URL apiServer) {
        int port = apiServer.getPort() != -1 ? apiServer.getPort() : apiServer.getDefaultPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(apiServer.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach the Kubernetes API server "
                    + Uris.redact(apiServer.toString()) + " (" + ConnectionFailures.reason(e)
                    + "); check --kubeconfig and --context, or the network to the cluster");
        }
    }
}
