package store.traffictacos.capacity.controller.fleet;

/**
 * CPU and memory of one runner, in Kubernetes quantities ({@code "2"}, {@code "4Gi"}). Requested
 * and limited alike, so a runner gets exactly this and is never throttled below what it asked for.
 */
public record RunnerResources(String cpu, String memory) {

    public static final RunnerResources DEFAULT = new RunnerResources("2", "4Gi");

    public RunnerResources {
        if (cpu == null || cpu.isBlank() || memory == null || memory.isBlank()) {
            throw new IllegalArgumentException("runner resources need both cpu and memory");
        }
    }
}
