package store.traffictacos.capacity.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The shape of {@code manifest.json}; fields are written in component order. */
record ManifestJson(
        String format,
        String runId,
        int runnerIndex,
        int runnerCount,
        String profile,
        long startEpochMs,
        long endEpochMs,
        String gatlingVersion,
        String targetUrl,
        List<PhaseWindow> phases,
        List<SecondCounts> seconds,
        Totals totals) {

    static final String FORMAT = "tacos-results/1";

    record SecondCounts(long second, long scheduled, long sent) {
    }

    /** Responses in {@code results.hlog}: all, by endpoint and by outcome. */
    record Totals(long requests, Map<String, Long> byEndpoint, Map<String, Long> byOutcome) {
        static Totals of(Map<SeriesKey, LatencyCounts> series) {
            SortedMap<String, Long> byEndpoint = new TreeMap<>();
            SortedMap<String, Long> byOutcome = new TreeMap<>();
            long requests = 0;
            for (Map.Entry<SeriesKey, LatencyCounts> entry : series.entrySet()) {
                long count = entry.getValue().totalCount();
                requests += count;
                byEndpoint.merge(entry.getKey().endpoint(), count, Long::sum);
                byOutcome.merge(entry.getKey().outcome(), count, Long::sum);
            }
            return new Totals(requests, byEndpoint, byOutcome);
        }
    }

    static ManifestJson of(Manifest manifest, Snapshot snapshot) {
        long[] scheduled = manifest.scheduledPerSecond();
        long[] sent = snapshot.sentPerSecond();
        List<SecondCounts> seconds = new ArrayList<>();
        for (int second = 0; second < Math.max(scheduled.length, sent.length); second++) {
            seconds.add(new SecondCounts(second, valueAt(scheduled, second), valueAt(sent, second)));
        }
        return new ManifestJson(FORMAT, manifest.runId(), manifest.runnerIndex(), manifest.runnerCount(),
                manifest.profile(), manifest.startEpochMs(), manifest.endEpochMs(), manifest.gatlingVersion(),
                manifest.targetUrl(), manifest.phases(), seconds, Totals.of(snapshot.series()));
    }

    Manifest manifest() {
        return new Manifest(runId, runnerIndex, runnerCount, profile, startEpochMs, endEpochMs, gatlingVersion,
                targetUrl, phases, column(SecondCounts::scheduled));
    }

    long[] sentPerSecond() {
        return column(SecondCounts::sent);
    }

    private long[] column(ToLongFunction<SecondCounts> field) {
        long[] values = new long[seconds.size()];
        for (int i = 0; i < values.length; i++) {
            if (seconds.get(i).second() != i) {
                throw new IllegalArgumentException("seconds[" + i + "] is second " + seconds.get(i).second()
                        + "; seconds must list 0, 1, 2, ... in order");
            }
            values[i] = field.applyAsLong(seconds.get(i));
        }
        return values;
    }

    private static long valueAt(long[] values, int index) {
        return index < values.length ? values[index] : 0;
    }
}
