package store.traffictacos.capacity.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.controller.kubernetes.KubernetesPlatformScaler;

/**
 * {@code tacos-capacity restore --run-id X}: puts back the HPAs and Deployments a run scaled, from the
 * originals recorded on them, for a run whose controller was killed before it could.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Put back the HPA and Deployment values a run changed (recorded on the objects), e.g. after "
                + "its controller was killed. Idempotent.")
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    @Option(names = "--run-id", required = true, paramLabel = "ID")
    String runId;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        RunIdOption.check(runId);
        try (KubernetesClient client = cluster.client()) {
            List<String> restored = new KubernetesPlatformScaler(client).restore(runId);
            if (restored.isEmpty()) {
                command.commandLine().getOut().println("run " + runId + ": nothing to restore");
            }
            restored.forEach(line -> command.commandLine().getOut().println("restored " + line));
            command.commandLine().getOut().flush();
            return 0;
        }
    }
}
