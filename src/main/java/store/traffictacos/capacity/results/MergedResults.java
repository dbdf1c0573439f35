package store.traffictacos.capacity.results;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * The results of all runners of one run, merged exactly: each merged series is the sum of the
 * runners' series with the same (second, endpoint, outcome), bucket by bucket (what
 * {@code Histogram.add} does, see {@link LatencyCounts#plus}), so its percentiles, max and count
 * are those of one histogram that had recorded every sample.
 *
 * <p>Seconds are counted from the earliest runner start. Runners normally share the run's start
 * instant and then line up one to one. If a runner started later, its seconds are shifted by the
 * whole number of seconds nearest to the difference, so its second {@code s} is merged into the
 * merged second whose wall-clock window overlaps it most (off by at most half a second); a
 * sub-second start difference is not corrected.
 */
public final class MergedResults {
    private final List<Manifest> runners;
    private final long startEpochMs;
    private final SortedMap<SeriesKey, LatencyCounts> series;
    private final long[] sentPerSecond;
    private final double[] busiestRunnerCpuPerSecond;
    private final long[] scheduledPerSecond;
    private final long[] connectionsOpenedPerSecond;
    private final long[] peakInFlightPerSecond;
    private final List<RunnerTransport> transports;

    private MergedResults(
            List<Manifest> runners,
            long startEpochMs,
            SortedMap<SeriesKey, LatencyCounts> series,
            long[] sentPerSecond,
            long[] scheduledPerSecond,
            double[] busiestRunnerCpuPerSecond,
            long[] connectionsOpenedPerSecond,
            long[] peakInFlightPerSecond,
            List<RunnerTransport> transports) {
        this.connectionsOpenedPerSecond = connectionsOpenedPerSecond;
        this.peakInFlightPerSecond = peakInFlightPerSecond;
        this.transports = transports;
        this.runners = runners;
        this.startEpochMs = startEpochMs;
        this.series = series;
        this.sentPerSecond = sentPerSecond;
        this.busiestRunnerCpuPerSecond = busiestRunnerCpuPerSecond;
        this.scheduledPerSecond = scheduledPerSecond;
    }

    /**
     * Merges the results of every runner of one run.
     *
     * @throws IllegalArgumentException if the results are empty, come from different runs,
     *     disagree on the runner count, repeat a runner index or miss a runner
     */
    public static MergedResults merge(List<RunnerResults> results) {
        List<Manifest> runners = manifests(results);
        requireOneRun(runners);
        List<Integer> missing = missing(runners);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("run " + runners.get(0).runId() + " has "
                    + runners.get(0).runnerCount() + " runners but results of runner(s) " + missing + " are missing");
        }
        return combine(results);
    }

    /**
     * Merges the results there are of one run, some runners possibly missing (a runner that died
     * before writing any): the report then names them ({@link #missingRunners()}) instead of failing.
     *
     * @throws IllegalArgumentException if the results are empty, come from different runs, disagree
     *     on the runner count or repeat a runner index
     */
    public static MergedResults mergeAvailable(List<RunnerResults> results) {
        requireOneRun(manifests(results));
        return combine(results);
    }

    /** One runner's results on their own (its end-of-run summary), not a whole run's. */
    public static MergedResults ofRunner(RunnerResults runner) {
        return combine(List.of(runner));
    }

    private static List<Manifest> manifests(List<RunnerResults> results) {
        return results.stream()
                .map(RunnerResults::manifest)
                .sorted(Comparator.comparingInt(Manifest::runnerIndex))
                .toList();
    }

    private static MergedResults combine(List<RunnerResults> results) {
        List<Manifest> runners = manifests(results);
        long startEpochMs =
                runners.stream().mapToLong(Manifest::startEpochMs).min().orElseThrow();

        SortedMap<SeriesKey, LatencyCounts> series = new TreeMap<>();
        long[] sent = new long[0];
        long[] scheduled = new long[0];
        double[] cpu = new double[0];
        long[] opened = new long[0];
        long[] inFlight = new long[0];
        List<RunnerTransport> transports = new java.util.ArrayList<>();
        for (RunnerResults runner : results) {
            long shift = Math.floorDiv(runner.manifest().startEpochMs() - startEpochMs + 500, 1000);
            runner.series()
                    .forEach((key, counts) -> series.merge(
                            new SeriesKey(key.second() + shift, key.endpoint(), key.outcome()),
                            counts,
                            LatencyCounts::plus));
            sent = addShifted(sent, runner.sentPerSecond(), shift);
            scheduled = addShifted(scheduled, runner.manifest().scheduledPerSecond(), shift);
            cpu = maxShifted(cpu, runner.cpuPerSecond(), shift);
            opened = addShifted(opened, runner.connections().openedPerSecond(), shift);
            inFlight = addShifted(
                    inFlight,
                    Arrays.stream(runner.connections().peakInFlightPerSecond())
                            .map(reading -> Math.max(0, reading))
                            .toArray(),
                    shift);
            if (runner.transport() != null) {
                transports.add(runner.transport());
            }
        }
        return new MergedResults(
                runners,
                startEpochMs,
                Collections.unmodifiableSortedMap(series),
                sent,
                scheduled,
                cpu,
                opened,
                inFlight,
                List.copyOf(transports));
    }

    public String runId() {
        return runners.get(0).runId();
    }

    /** The earliest runner start: merged second 0 begins here. */
    public long startEpochMs() {
        return startEpochMs;
    }

    /** Indexes of the run's runners without results here, ascending. */
    public List<Integer> missingRunners() {
        return missing(runners);
    }

    /** The runners' manifests, by runner index. */
    public List<Manifest> runners() {
        return runners;
    }

    /** Merged response times (µs) by (second, endpoint, outcome). */
    public SortedMap<SeriesKey, LatencyCounts> series() {
        return series;
    }

    /** All responses of the run, every endpoint and outcome. */
    public Histogram total() {
        return window(0, Long.MAX_VALUE, endpoint -> true, outcome -> true);
    }

    /** Responses to requests sent in seconds {@code [fromSecond, toSecondExclusive)} matching both filters. */
    public Histogram window(
            long fromSecond, long toSecondExclusive, Predicate<String> endpoint, Predicate<String> outcome) {
        Histogram sum = Histograms.newHistogram();
        series.forEach((key, counts) -> {
            if (key.second() >= fromSecond
                    && key.second() < toSecondExclusive
                    && endpoint.test(key.endpoint())
                    && outcome.test(key.outcome())) {
                counts.addTo(sum);
            }
        });
        return sum;
    }

    /** Requests sent by all runners in each merged second; index = second. */
    public long[] sentPerSecond() {
        return sentPerSecond.clone();
    }

    /** In each merged second, the CPU share of the busiest runner; NaN where no runner took a reading. */
    public double[] busiestRunnerCpuPerSecond() {
        return busiestRunnerCpuPerSecond.clone();
    }

    /** Requests the profile scheduled for all runners in each merged second; index = second. */
    public long[] scheduledPerSecond() {
        return scheduledPerSecond.clone();
    }

    /** Connections all runners opened in each merged second; index = second (empty for older results). */
    public long[] connectionsOpenedPerSecond() {
        return connectionsOpenedPerSecond.clone();
    }

    /** Connections all runners opened over the run. */
    public long connectionsOpened() {
        return Arrays.stream(connectionsOpenedPerSecond).sum();
    }

    /**
     * In each merged second, the runners' highest readings of their outstanding requests, added up: at least
     * what was in flight at once (runners read at different instants); empty for older results.
     */
    public long[] peakInFlightPerSecond() {
        return peakInFlightPerSecond.clone();
    }

    /** How each runner that recorded it reached the target (HTTP version, timeout, in-flight budget). */
    public List<RunnerTransport> transports() {
        return transports;
    }

    /** Responses by outcome over the whole run. */
    public SortedMap<String, Long> countByOutcome() {
        return series.entrySet().stream()
                .collect(Collectors.groupingBy(
                        entry -> entry.getKey().outcome(),
                        TreeMap::new,
                        Collectors.summingLong(entry -> entry.getValue().totalCount())));
    }

    public SortedSet<String> endpoints() {
        return series.keySet().stream().map(SeriesKey::endpoint).collect(Collectors.toCollection(TreeSet::new));
    }

    public SortedSet<String> outcomes() {
        return series.keySet().stream().map(SeriesKey::outcome).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void requireOneRun(List<Manifest> runners) {
        if (runners.isEmpty()) {
            throw new IllegalArgumentException("no runner results to merge");
        }
        Manifest first = runners.get(0);
        for (Manifest runner : runners) {
            if (!runner.runId().equals(first.runId())) {
                throw new IllegalArgumentException("cannot merge different runs: " + first.runId()
                        + " (runner " + first.runnerIndex() + ") and " + runner.runId()
                        + " (runner " + runner.runnerIndex() + ")");
            }
            if (runner.runnerCount() != first.runnerCount()) {
                throw new IllegalArgumentException("run " + first.runId() + ": runner " + first.runnerIndex()
                        + " says " + first.runnerCount() + " runners, runner " + runner.runnerIndex()
                        + " says " + runner.runnerCount());
            }
        }
        for (int i = 1; i < runners.size(); i++) {
            if (runners.get(i).runnerIndex() == runners.get(i - 1).runnerIndex()) {
                throw new IllegalArgumentException("run " + first.runId() + ": runner "
                        + runners.get(i).runnerIndex() + " is given more than once");
            }
        }
    }

    private static List<Integer> missing(List<Manifest> runners) {
        Set<Integer> given = runners.stream().map(Manifest::runnerIndex).collect(Collectors.toSet());
        return IntStream.range(0, runners.get(0).runnerCount())
                .boxed()
                .filter(index -> !given.contains(index))
                .toList();
    }

    private static double[] maxShifted(double[] max, double[] values, long shift) {
        int length = Math.toIntExact(values.length + shift);
        double[] grown = max;
        if (max.length < length) {
            grown = Arrays.copyOf(max, length);
            Arrays.fill(grown, max.length, length, Double.NaN);
        }
        for (int i = 0; i < values.length; i++) {
            int second = Math.toIntExact(i + shift);
            if (!Double.isNaN(values[i])) {
                grown[second] = Double.isNaN(grown[second]) ? values[i] : Math.max(grown[second], values[i]);
            }
        }
        return grown;
    }

    private static long[] addShifted(long[] sum, long[] values, long shift) {
        int length = Math.toIntExact(values.length + shift);
        long[] grown = sum.length >= length ? sum : Arrays.copyOf(sum, length);
        for (int i = 0; i < values.length; i++) {
            grown[Math.toIntExact(i + shift)] += values[i];
        }
        return grown;
    }
}
