package store.traffictacos.capacity.platform.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;

/**
 * Per HPA (autoscaling/v2) {@code hpa/<ns>/<name>/}:
 *
 * <ul>
 *   <li>{@code current_replicas}, {@code desired_replicas}, {@code min_replicas}, {@code max_replicas} (replicas)</li>
 *   <li>{@code at_max_replicas} (flag): 1 when current ≥ max, the HPA can scale no further</li>
 *   <li>{@code metric/<name>} per {@code status.currentMetrics}: a Resource metric's
 *       {@code averageUtilization} in {@code %}, else its {@code averageValue} in {@code cores} (cpu)
 *       or {@code bytes} (memory and other resources); a ContainerResource metric is named
 *       {@code <container>/<resource>}; Pods, Object and External metrics carry no unit, so theirs is
 *       {@code value}</li>
 * </ul>
 */
final class HpaSeries {
    private HpaSeries() {}

    static void add(HorizontalPodAutoscaler hpa, Samples out) {
        String prefix = "hpa/" + hpa.getMetadata().getNamespace() + "/"
                + hpa.getMetadata().getName() + "/";
        HorizontalPodAutoscalerStatus status = hpa.getStatus();
        int current = status == null || status.getCurrentReplicas() == null ? 0 : status.getCurrentReplicas();
        int desired = status == null || status.getDesiredReplicas() == null ? 0 : status.getDesiredReplicas();
        Integer min = hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas();
        out.add(prefix + "current_replicas", current, "replicas");
        out.add(prefix + "desired_replicas", desired, "replicas");
        out.add(prefix + "min_replicas", min == null ? 1 : min, "replicas"); // the API's default
        out.add(prefix + "max_replicas", max, "replicas");
        out.addFlag(prefix + "at_max_replicas", current >= max);
        if (status != null && status.getCurrentMetrics() != null) {
            for (MetricStatus metric : status.getCurrentMetrics()) {
                addMetric(prefix + "metric/", metric, out);
            }
        }
    }

    private static void addMetric(String prefix, MetricStatus metric, Samples out) {
        if (metric.getResource() != null) {
            addResource(
                    prefix + metric.getResource().getName(),
                    metric.getResource().getName(),
                    metric.getResource().getCurrent(),
                    out);
        } else if (metric.getContainerResource() != null) {
            var containerResource = metric.getContainerResource();
            addResource(
                    prefix + containerResource.getContainer() + "/" + containerResource.getName(),
                    containerResource.getName(),
                    containerResource.getCurrent(),
                    out);
        } else if (metric.getPods() != null) {
            addValue(
                    prefix + metric.getPods().getMetric().getName(),
                    metric.getPods().getCurrent(),
                    out);
        } else if (metric.getObject() != null) {
            addValue(
                    prefix + metric.getObject().getMetric().getName(),
                    metric.getObject().getCurrent(),
                    out);
        } else if (metric.getExternal() != null) {
            addValue(
                    prefix + metric.getExternal().getMetric().getName(),
                    metric.getExternal().getCurrent(),
                    out);
        }
    }

    private static void addResource(String series, String resource, MetricValueStatus current, Samples out) {
        if (current == null) {
            return;
        }
        if (current.getAverageUtilization() != null) {
            out.add(series, current.getAverageUtilization(), "%");
        } else if (current.getAverageValue() != null) {
            Quantity value = current.getAverageValue();
            if ("cpu".equals(resource)) {
                out.add(series, Quantities.cores(value), "cores");
            } else {
                out.add(series, Quantities.bytes(value), "bytes");
            }
        }
    }

    private static void addValue(String series, MetricValueStatus current, Samples out) {
        if (current == null) {
            return;
        }
        Quantity value = current.getAverageValue() != null ? current.getAverageValue() : current.getValue();
        if (value != null) {
            out.add(series, value.getNumericalAmount().doubleValue(), "value");
        }
    }
}
