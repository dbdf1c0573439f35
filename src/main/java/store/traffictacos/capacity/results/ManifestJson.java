package store.traffictacos.capacity.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
        List<CpuReading> runnerCpu,
        Totals totals,
        // null in a complete runner's file, read as "" (the mapper refuses null creator properties).
        @JsonSetter(nulls = Nulls.AS_EMPTY) String stoppedEarly) {

    static final String FORMAT = "tacos-results/1";

    record SecondCounts(long second, long scheduled, long sent) {
    }

    /** The runner's busiest CPU share (0..1 of its cores) in a second; seconds without a reading are left out. */
    record CpuReading(long second, double busy) {
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
        double[] cpu = snapshot.cpuPerSecond();
        List<CpuReading> readings = new ArrayList<>();
        for (int second = 0; second < cpu.length; second++) {
            if (!Double.isNaN(cpu[second])) {
                readings.add(new CpuReading(second, cpu[second]));
            }
        }
        return new ManifestJson(FORMAT, manifest.runId(), manifest.runnerIndex(), manifest.runnerCount(),
                manifest.profile(), manifest.startEpochMs(), manifest.endEpochMs(), manifest.gatlingVersion(),
                manifest.targetUrl(), manifest.phases(), seconds, readings, Totals.of(snapshot.series()),
                manifest.stoppedEarly());
    }

    Manifest manifest() {
        return new Manifest(runId, runnerIndex, runnerCount, profile, startEpochMs, endEpochMs, gatlingVersion,
                targetUrl, phases, column(SecondCounts::scheduled), stoppedEarly.isEmpty() ? null : stoppedEarly);
    }

    long[] sentPerSecond() {
        return column(SecondCounts::sent);
    }

    double[] cpuPerSecond() {
        int length = Math.max(seconds.size(),
                runnerCpu.stream().mapToInt(reading -> Math.toIntExact(reading.second() + 1)).max().orElse(0));
        double[] cpu = new double[length];
        java.util.Arrays.fill(cpu, Double.NaN);
        runnerCpu.forEach(reading -> cpu[Math.toIntExact(reading.second())] = reading.busy());
        return cpu;
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
