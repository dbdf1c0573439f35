package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformPoint;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformSeries;
import store.traffictacos.capacity.report.model.CapacityReport.ResourceResult;
import store.traffictacos.capacity.report.settings.ResourceThreshold;

/** Judges platform series against {@link ResourceThreshold}s over spans of the run's seconds. */
public final class ResourceJudge {
    private final List<ResourceThreshold> thresholds;
    private final List<PlatformSeries> platform;

    public ResourceJudge(List<ResourceThreshold> thresholds, List<PlatformSeries> platform) {
        this.thresholds = thresholds;
        this.platform = platform;
    }

    /** Every threshold with at least one sample in {@code [from, to)}, in threshold order. */
    public List<ResourceResult> judge(double from, double to) {
        List<ResourceResult> results = new ArrayList<>();
        for (ResourceThreshold threshold : thresholds) {
            PlatformSeries highest = null;
            double value = Double.NEGATIVE_INFINITY;
            Double crossedAt = null;
            for (PlatformSeries series : matching(threshold)) {
                for (PlatformPoint point : series.points()) {
                    if (point.second() < from || point.second() >= to) {
                        continue;
                    }
                    if (point.value() > value) {
                        value = point.value();
                        highest = series;
                    }
                    if (point.value() > threshold.above() && (crossedAt == null || point.second() < crossedAt)) {
                        crossedAt = point.second();
                    }
                }
            }
            if (highest != null) {
                results.add(new ResourceResult(
                        threshold.name(),
                        highest.source(),
                        highest.series(),
                        highest.unit(),
                        threshold.above(),
                        value,
                        crossedAt,
                        crossedAt != null));
            }
        }
        return results;
    }

    /**
     * Of the series above their threshold somewhere in {@code [from, to)}, the one whose stretch above
     * it (the samples above it without a break up to that point) began first: the resource that gave out
     * first. Named {@code "<threshold name> (<series>)"}; null when none was above.
     */
    public String firstGaveOut(double from, double to) {
        String first = null;
        double earliest = Double.POSITIVE_INFINITY;
        for (ResourceThreshold threshold : thresholds) {
            for (PlatformSeries series : matching(threshold)) {
                double began = stretchBegan(series.points(), threshold.above(), from, to);
                if (began < earliest) {
                    earliest = began;
                    first = threshold.name() + " (" + series.series() + ")";
                }
            }
        }
        return first;
    }

    /** Where the unbroken stretch above {@code above} holding the first such sample in the span began; +∞ when none. */
    private static double stretchBegan(List<PlatformPoint> points, double above, double from, double to) {
        for (int i = 0; i < points.size(); i++) {
            PlatformPoint point = points.get(i);
            if (point.second() >= from && point.second() < to && point.value() > above) {
                int start = i;
                while (start > 0 && points.get(start - 1).value() > above) {
                    start--;
                }
                return points.get(start).second();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private List<PlatformSeries> matching(ResourceThreshold threshold) {
        return platform.stream()
                .filter(series -> threshold.matches(series.source(), series.series()))
                .toList();
    }
}
