package store.traffictacos.capacity.controller;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import store.traffictacos.capacity.controller.fleet.RunnerFleet;
import store.traffictacos.capacity.controller.scale.PlatformScaler;
import store.traffictacos.capacity.platform.PlatformSampler;

/**
 * Where and how a run happens, assembled at the edge from the spec (local JVMs or a Kubernetes
 * cluster): the URL the runners load, the runners, the platform scaler, a check of the backend's own
 * limits before anything is created (room on the node pool), the platform sources, and what to
 * close afterwards (the embedded target, API clients), last opened first closed.
 */
public record RunBackend(
        URI target,
        RunnerFleet fleet,
        PlatformScaler scaler,
        Runnable preflight,
        List<PlatformSampler> live,
        List<PlatformWindowSource> afterwards,
        List<AutoCloseable> resources)
        implements AutoCloseable {

    public RunBackend {
        live = List.copyOf(live);
        afterwards = List.copyOf(afterwards);
        resources = List.copyOf(resources);
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing happens after the run's outcome is known; a failure here must not replace it.
            }
        }
    }
}
