package store.traffictacos.capacity.report.judge;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformPoint;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformSeries;

/**
 * Node-hours by instance type from the Kubernetes sampler's node counts
 * ({@code nodepool/<pool>/<instance-type>/<capacity-type>/nodes}): each sample's count holds until
 * the next sample of its series (the last until the run's end), within the run's seconds.
 */
public final class NodeHours {
    private static final Pattern NODES = Pattern.compile("nodepool/[^/]+/([^/]+)/([^/]+)/nodes");

    private NodeHours() {}

    /** Hours of nodes of each instance type during {@code [0, runSeconds)}; empty without node series. */
    public static Map<String, Double> byInstanceType(List<PlatformSeries> platform, double runSeconds) {
        Map<String, Double> hours = new TreeMap<>();
        for (PlatformSeries series : platform) {
            Matcher nodes = NODES.matcher(series.series());
            if (series.source().equals("kubernetes") && nodes.matches()) {
                hours.merge(nodes.group(1), nodeSeconds(series.points(), runSeconds) / 3600, Double::sum);
            }
        }
        return hours;
    }

    /** Whether any node of the run was a spot node (priced on-demand, so the cost is an upper bound). */
    public static boolean anySpot(List<PlatformSeries> platform) {
        return platform.stream().anyMatch(series -> {
            Matcher nodes = NODES.matcher(series.series());
            return series.source().equals("kubernetes")
                    && nodes.matches()
                    && nodes.group(2).equals("spot")
                    && series.points().stream().anyMatch(point -> point.value() > 0);
        });
    }

    private static double nodeSeconds(List<PlatformPoint> points, double runSeconds) {
        double total = 0;
        for (int i = 0; i < points.size(); i++) {
            double from = Math.max(0, points.get(i).second());
            double to = Math.min(
                    runSeconds, i + 1 < points.size() ? points.get(i + 1).second() : runSeconds);
            if (to > from) {
                total += points.get(i).value() * (to - from);
            }
        }
        return total;
    }
}
