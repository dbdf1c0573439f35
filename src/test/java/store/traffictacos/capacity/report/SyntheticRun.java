package store.traffictacos.capacity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.results.RunnerResults;

/**
 * A run made up for tests that goes through the real files: requests are recorded by one
 * {@link ResultsRecorder} per runner, written with {@link ResultsFiles#write}, read back and merged.
 * The schedule comes from the phases (whole seconds, rates of all runners together); what was sent
 * and answered is only what the test records, so a test makes the generator fall behind by recording
 * fewer requests than scheduled.
 */
public final class SyntheticRun {
    public static final long START = 1_700_000_000_000L;
    public static final String STATUS = "GET /api/v1/queue/status";

    private final Path dir;
    private final List<ResultsRecorder> runners = new ArrayList<>();
    private final List<PhaseWindow> phases = new ArrayList<>();
    private long[] scheduled = new long[0];
    private long requests;

    public SyntheticRun(Path dir, int runnerCount) {
        this.dir = dir;
        for (int i = 0; i < runnerCount; i++) {
            runners.add(new ResultsRecorder(START));
        }
    }

    /** Appends a phase; its rate goes linearly from {@code fromRps} to {@code toRps}, second by second. */
    public SyntheticRun phase(String name, int seconds, double fromRps, double toRps) {
        return phase(name, seconds, fromRps, toRps, true);
    }

    /** Appends a constant phase that is run and shown but not judged, as a warm-up. */
    public SyntheticRun unjudgedPhase(String name, int seconds, double rps) {
        return phase(name, seconds, rps, rps, false);
    }

    private SyntheticRun phase(String name, int seconds, double fromRps, double toRps, boolean judged) {
        int start = scheduled.length;
        scheduled = Arrays.copyOf(scheduled, start + seconds);
        for (int i = 0; i < seconds; i++) {
            scheduled[start + i] = Math.round(fromRps + (toRps - fromRps) * i / Math.max(seconds - 1, 1));
        }
        phases.add(
                new PhaseWindow(name, START + start * 1000L, START + scheduled.length * 1000L, fromRps, toRps, judged));
        return this;
    }

    public SyntheticRun phase(String name, int seconds, double rps) {
        return phase(name, seconds, rps, rps);
    }

    /** Requests scheduled in each second, all runners together. */
    long scheduled(long second) {
        return scheduled[(int) second];
    }

    int seconds() {
        return scheduled.length;
    }

    /** Sends and answers one request in {@code second}, on the runners in turn. */
    public SyntheticRun request(long second, long offsetMs, String endpoint, String outcome, long latencyMicros) {
        ResultsRecorder runner = runners.get((int) (requests++ % runners.size()));
        long sentAt = START + second * 1000 + offsetMs;
        runner.sent(sentAt);
        runner.record(sentAt, endpoint, outcome, latencyMicros);
        return this;
    }

    /** Records runner {@code runner}'s CPU share (0..1) during {@code second}. */
    public SyntheticRun runnerCpu(int runner, long second, double busyShare) {
        runners.get(runner).runnerCpu(START + second * 1000 + 500, busyShare);
        return this;
    }

    /** Sends and answers {@code count} requests spread over {@code second}, with the latency of each by its index. */
    public SyntheticRun requests(long second, long count, String outcome, LongUnaryOperator latencyMicrosOfIndex) {
        for (long i = 0; i < count; i++) {
            request(second, i * 1000 / count, STATUS, outcome, latencyMicrosOfIndex.applyAsLong(i));
        }
        return this;
    }

    /** Sends every scheduled request of every second, answered ok with the latency of its second. */
    public SyntheticRun sendAsScheduled(LongUnaryOperator latencyMicrosOfSecond) {
        for (int second = 0; second < scheduled.length; second++) {
            long latency = latencyMicrosOfSecond.applyAsLong(second);
            requests(second, scheduled[second], Outcomes.OK, i -> latency);
        }
        return this;
    }

    /** Counts a request as sent in {@code second} that never got an answer. */
    public SyntheticRun unanswered(long second) {
        runners.get((int) (requests++ % runners.size())).sent(START + second * 1000);
        return this;
    }

    /** Writes each runner's files, reads them back and merges them. */
    public MergedResults merge() {
        try {
            List<RunnerResults> read = new ArrayList<>();
            for (int index = 0; index < runners.size(); index++) {
                Path runnerDir = dir.resolve("runner-" + index);
                ResultsFiles.write(
                        runnerDir, manifest(index), runners.get(index).snapshot());
                read.add(ResultsFiles.read(runnerDir));
            }
            return MergedResults.merge(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runner's share of the schedule: the total split evenly, the remainder to the lowest indexes. */
    private Manifest manifest(int index) {
        int count = runners.size();
        long[] share = Arrays.stream(scheduled)
                .map(total -> (total + count - 1 - index) / count)
                .toArray();
        return new Manifest(
                "run-7",
                index,
                count,
                "synthetic",
                START,
                START + scheduled.length * 1000L,
                "3.15.0",
                "http://localhost:8080",
                phases,
                share);
    }
}
