package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import store.traffictacos.capacity.report.model.Latencies;
import store.traffictacos.capacity.results.LatencyCounts;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.SeriesKey;

/**
 * The merged results folded once into one latency histogram, error count and schedule per second
 * of the run, so that any window (phase, rolling knee window, timeline second) is a sum over its
 * seconds instead of a rescan of every (second, endpoint, outcome) series.
 *
 * <p>Not thread-safe: windows are summed into one reused histogram.
 */
public final class RunSeconds {
    /**
     * A runner busier than this share of its cores measures its own queueing as much as the
     * platform's latency, so its seconds are the generator's fault.
     */
    static final double RUNNER_CPU_LIMIT = 0.90;

    private static final LatencyCounts NOTHING = LatencyCounts.of(Latencies.newHistogram());

    private final long[] scheduled;
    private final long[] sent;
    /** Answers refused by the platform's per-client limit with the client's bucket empty ({@link Outcomes#rateLimited}). */
    private final long[] rateLimited;
    /** The per-client limit those answers named (the highest, if they named several); -1 without any. */
    private final long perClientLimitRps;
    /** Requests that failed while their runner had no file descriptor left ({@link Outcomes#OUT_OF_DESCRIPTORS}). */
    private final long[] outOfDescriptors;
    /** Requests the runners' own HTTP/2 clients refused to send ({@link Outcomes#neverSent}). */
    private final long[] refusedByRunner;

    private final double[] busiestRunnerCpu;
    private final List<LatencyCounts> latency;
    private final List<SortedMap<String, Long>> errors;
    private final long[] notReady;
    private final double behindRatio;
    private final int runners;
    private final Histogram sum = Latencies.newHistogram();

    private RunSeconds(
            long[] scheduled,
            long[] sent,
            long[] rateLimited,
            long perClientLimitRps,
            long[] outOfDescriptors,
            long[] refusedByRunner,
            double[] busiestRunnerCpu,
            List<LatencyCounts> latency,
            List<SortedMap<String, Long>> errors,
            long[] notReady,
            double behindRatio,
            int runners) {
        this.scheduled = scheduled;
        this.sent = sent;
        this.rateLimited = rateLimited;
        this.perClientLimitRps = perClientLimitRps;
        this.outOfDescriptors = outOfDescriptors;
        this.refusedByRunner = refusedByRunner;
        this.busiestRunnerCpu = busiestRunnerCpu;
        this.latency = latency;
        this.errors = errors;
        this.notReady = notReady;
        this.behindRatio = behindRatio;
        this.runners = runners;
    }

    public static RunSeconds of(MergedResults results, double behindRatio) {
        return of(results, behindRatio, endpoint -> true);
    }

    /**
     * The seconds of the requests to the endpoints {@code endpoints} accepts (for an endpoint's SLOs); the
     * schedule, the sent requests and the runners' CPU are the whole run's, since the generator serves every
     * endpoint at once.
     */
    public static RunSeconds of(MergedResults results, double behindRatio, Predicate<String> endpoints) {
        SortedMap<SeriesKey, LatencyCounts> series = results.series();
        long lastSecond = series.isEmpty() ? -1 : series.lastKey().second();
        long[] scheduled = results.scheduledPerSecond();
        long[] sent = results.sentPerSecond();
        int length = Math.toIntExact(Math.max(lastSecond + 1, Math.max(scheduled.length, sent.length)));

        List<LatencyCounts> latency = new ArrayList<>(Collections.nCopies(length, NOTHING));
        List<SortedMap<String, Long>> errors = new ArrayList<>(length);
        long[] notReady = new long[length];
        for (int second = 0; second < length; second++) {
            errors.add(new TreeMap<>());
        }
        // Series come ordered by second: add each second's series into one histogram, then keep
        // its compact counts (a flat histogram per second would cost tens of KB each).
        Histogram second = Latencies.newHistogram();
        long[] rateLimited = new long[length];
        long[] outOfDescriptors = new long[length];
        long[] refusedByRunner = new long[length];
        long perClientLimitRps = -1;
        long current = -1;
        for (Map.Entry<SeriesKey, LatencyCounts> entry : series.entrySet()) {
            SeriesKey key = entry.getKey();
            if (Outcomes.neverSent(key.outcome())) {
                // out of the sent requests, which are the whole run's whatever the endpoints judged
                refusedByRunner[(int) key.second()] += entry.getValue().totalCount();
                continue;
            }
            if (!endpoints.test(key.endpoint())) {
                continue;
            }
            if (key.second() != current) {
                keep(latency, current, second);
                current = key.second();
            }
            entry.getValue().addTo(second);
            if (Outcomes.isError(key.outcome())) {
                errors.get((int) current).merge(key.outcome(), entry.getValue().totalCount(), Long::sum);
            }
            long limit = Outcomes.perClientLimit(key.outcome());
            if (limit >= 0) {
                rateLimited[(int) current] += entry.getValue().totalCount();
                perClientLimitRps = Math.max(perClientLimitRps, limit);
            }
            if (Outcomes.OUT_OF_DESCRIPTORS.equals(key.outcome())) {
                outOfDescriptors[(int) current] += entry.getValue().totalCount();
            }
            if (Outcomes.NOT_READY.equals(key.outcome())) {
                notReady[(int) current] += entry.getValue().totalCount();
            }
        }
        keep(latency, current, second);
        double[] cpu = results.busiestRunnerCpuPerSecond();
        double[] busiestRunnerCpu = Arrays.copyOf(cpu, length);
        Arrays.fill(busiestRunnerCpu, Math.min(cpu.length, length), length, Double.NaN);
        long[] sentToPlatform = Arrays.copyOf(sent, length);
        for (int at = 0; at < length; at++) {
            sentToPlatform[at] = Math.max(0, sentToPlatform[at] - refusedByRunner[at]);
        }
        return new RunSeconds(
                Arrays.copyOf(scheduled, length),
                sentToPlatform,
                rateLimited,
                perClientLimitRps,
                outOfDescriptors,
                refusedByRunner,
                busiestRunnerCpu,
                latency,
                errors,
                notReady,
                behindRatio,
                results.runners().size());
    }

    /** Seconds from 0 to the last one with a schedule, a sent request or a response. */
    public int length() {
        return latency.size();
    }

    long scheduled(int second) {
        return scheduled[second];
    }

    /** Requests of the second that left the runners for the platform. */
    long sent(int second) {
        return sent[second];
    }

    /**
     * The load test, not the platform, fell short: it sent less than the behind ratio of a non-empty
     * schedule, a runner was short of CPU or of file descriptors, or the platform's per-client limit refused
     * the load test's own identity ({@link #identityLimited}).
     */
    boolean isBehind(int second) {
        return sentTooFew(second) || runnerShortOfCpu(second) || ownLimitMet(second);
    }

    /**
     * Requests of the second failed at the load test's own limit: the per-client limit refused its identity, or
     * a runner could not open a connection for want of a file descriptor. Its errors are not the platform's.
     */
    boolean ownLimitMet(int second) {
        return identityLimited(second) || outOfDescriptors(second) > 0;
    }

    /** Requests of the second the runners' own HTTP/2 clients refused to send (counted out of {@link #sent}). */
    long refusedByRunner(int second) {
        return refusedByRunner[second];
    }

    /** Requests of the second that failed for want of a file descriptor in their runner. */
    long outOfDescriptors(int second) {
        return outOfDescriptors[second];
    }

    /**
     * Some answer of the second was a 429 with the client's own bucket empty: the rate was not offered
     * to the platform but refused at the load test's address, which real buyers, each with its own,
     * never share. Not capacity.
     */
    boolean identityLimited(int second) {
        return rateLimited[second] > 0;
    }

    long rateLimited(int second) {
        return rateLimited[second];
    }

    /** The per-client limit the refused answers named; -1 when none was refused. */
    long perClientLimitRps() {
        return perClientLimitRps;
    }

    /**
     * Sent less than the behind ratio of the schedule, allowing one request per runner: a runner's
     * seconds count from its first request, itself a few ms late or early, so a request its injector
     * starts on a whole second (Gatling starts each second's first one there) falls on either side of
     * the boundary by jitter alone. Such a second looks one request short with nothing late, which at
     * tens of requests per second is far more than the behind ratio allows.
     */
    boolean sentTooFew(int second) {
        return scheduled[second] > 0 && sent[second] + runners < behindRatio * scheduled[second];
    }

    boolean runnerShortOfCpu(int second) {
        return busiestRunnerCpu[second] > RUNNER_CPU_LIMIT;
    }

    /** The busiest runner's CPU share in the second (NaN without a reading). */
    double busiestRunnerCpu(int second) {
        return busiestRunnerCpu[second];
    }

    /**
     * Everything measured in seconds {@code [from, to)}, with the percentiles' confidence bounds;
     * seconds beyond the run count as empty.
     */
    public Measurement measure(long from, long to) {
        return measure(from, to, true);
    }

    /** One second of the timeline: as {@link #measure}, without confidence bounds (nothing is judged on it). */
    public Measurement second(long second) {
        return measure(second, second + 1, false);
    }

    private Measurement measure(long from, long to, boolean withBounds) {
        int start = (int) Math.min(Math.max(from, 0), length());
        int end = (int) Math.min(Math.max(to, start), length());
        sum.reset();
        long scheduledSum = 0;
        long sentSum = 0;
        long notReadySum = 0;
        boolean behind = false;
        boolean ownLimitMet = false;
        SortedMap<String, Long> errorsByKind = new TreeMap<>();
        for (int second = start; second < end; second++) {
            latency.get(second).addTo(sum);
            scheduledSum += scheduled[second];
            sentSum += sent[second];
            notReadySum += notReady[second];
            behind |= isBehind(second);
            ownLimitMet |= ownLimitMet(second);
            errors.get(second).forEach((kind, count) -> errorsByKind.merge(kind, count, Long::sum));
        }
        return new Measurement(
                Math.max(to - from, 0),
                scheduledSum,
                sentSum,
                sum.getTotalCount(),
                Latencies.percentileMs(sum, 50),
                Latencies.percentileMs(sum, 95),
                Latencies.percentileMs(sum, 99),
                Latencies.maxMs(sum),
                errorsByKind,
                behind,
                ownLimitMet,
                withBounds ? QuantileBounds.of(sum, 50) : null,
                withBounds ? QuantileBounds.of(sum, 95) : null,
                withBounds ? QuantileBounds.of(sum, 99) : null,
                notReadySum);
    }

    private static void keep(List<LatencyCounts> latency, long second, Histogram histogram) {
        if (second >= 0) {
            latency.set((int) second, LatencyCounts.of(histogram));
            histogram.reset();
        }
    }
}
