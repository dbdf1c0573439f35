package store.traffictacos.capacity.report.judge;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.results.MergedResults;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.RunnerTransport;

/** The runners' transport over the run, from what their manifests recorded ({@link CapacityReport.Transport}). */
public final class TransportSummary {
    private TransportSummary() {}

    /** Null when no runner recorded its transport (results written before it was). */
    public static CapacityReport.@Nullable Transport of(MergedResults results) {
        List<RunnerTransport> transports = results.transports();
        if (transports.isEmpty()) {
            return null;
        }
        long[] opened = results.connectionsOpenedPerSecond();
        long[] inFlight = results.peakInFlightPerSecond();
        return new CapacityReport.Transport(
                transports.stream()
                        .map(RunnerTransport::httpVersion)
                        .distinct()
                        .sorted()
                        .toList(),
                transports.stream()
                        .mapToLong(RunnerTransport::requestTimeoutMs)
                        .max()
                        .orElseThrow(),
                transports.stream().mapToLong(RunnerTransport::inFlightLimit).sum(),
                Arrays.stream(opened).sum(),
                transports.stream()
                        .mapToLong(RunnerTransport::warmUpConnectionsOpened)
                        .sum(),
                Arrays.stream(opened).max().orElse(0),
                inFlight.length == 0 ? null : Arrays.stream(inFlight).max().getAsLong(),
                results.countByOutcome().getOrDefault(Outcomes.RUNNER_STREAM_REFUSED, 0L));
    }
}
