package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import store.traffictacos.capacity.controller.scale.ScaleTarget;
import store.traffictacos.capacity.controller.scale.ScaleTarget.Kind;
import store.traffictacos.capacity.controller.scale.ScaleTimeoutException;

/**
 * Waits for scaled targets by polling the Deployments behind them: a Deployment is ready with
 * {@code readyReplicas} at least the replicas wanted, an HPA when the Deployment it scales has at
 * least the wanted minimum ready.
 */
final class Readiness {
    private final ScaledObjects objects;
    private final Duration pollInterval;

    Readiness(ScaledObjects objects, Duration pollInterval) {
        this.objects = objects;
        this.pollInterval = pollInterval;
    }

    void await(List<ScaleTarget> targets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lagging = targets.stream()
                    .map(this::shortfall)
                    .flatMap(Optional::stream)
                    .toList();
            if (lagging.isEmpty()) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ScaleTimeoutException(
                        "not ready within " + timeout.toMillis() + " ms: " + String.join(", ", lagging));
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, pollInterval.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + String.join(", ", lagging), e);
            }
        }
    }

    /** What keeps the target from being ready, e.g. {@code deployment tacos-app/ticket-api 1/3 ready}. */
    private Optional<String> shortfall(ScaleTarget target) {
        try {
            String deployment = target.name();
            int wanted;
            String scaledBy = "";
            if (target.kind() == Kind.HPA) {
                HorizontalPodAutoscaler hpa =
                        (HorizontalPodAutoscaler) objects.get(Kind.HPA, target.namespace(), target.name());
                if (hpa == null) {
                    return Optional.of(target.describe() + " not found");
                }
                deployment = hpa.getSpec().getScaleTargetRef().getName();
                wanted = target.minReplicas();
                scaledBy = " (scaled by " + target.describe() + ")";
            } else {
                wanted = target.replicas();
            }
            String described = "deployment " + target.namespace() + "/" + deployment + scaledBy;
            Deployment scaled = (Deployment) objects.get(Kind.DEPLOYMENT, target.namespace(), deployment);
            if (scaled == null) {
                return Optional.of(described + " not found");
            }
            int ready = readyReplicas(scaled);
            return ready >= wanted ? Optional.empty() : Optional.of(described + " " + ready + "/" + wanted + " ready");
        } catch (ApiCallException e) {
            // A passing API error is no reason to give up a wait of minutes; it shows if it lasts.
            return Optional.of(target.describe() + " unreadable: " + e.getMessage());
        }
    }

    private static int readyReplicas(Deployment deployment) {
        if (deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null) {
            return 0;
        }
        return deployment.getStatus().getReadyReplicas();
    }
}
