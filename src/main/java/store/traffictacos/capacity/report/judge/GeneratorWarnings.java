package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;

/**
 * The runs of consecutive seconds in which the load generator sent less than it was scheduled to, a
 * runner was short of CPU or of file descriptors, or the platform's per-client limit refused the load
 * test's own identity.
 */
public final class GeneratorWarnings {
    private GeneratorWarnings() {}

    public static List<GeneratorWarning> find(RunSeconds seconds) {
        List<GeneratorWarning> warnings = new ArrayList<>();
        int second = 0;
        while (second < seconds.length()) {
            if (!seconds.isBehind(second)) {
                second++;
                continue;
            }
            int from = second;
            long scheduled = 0;
            long sent = 0;
            double busiestCpu = Double.NaN;
            boolean cpuShort = false;
            long rateLimited = 0;
            long outOfDescriptors = 0;
            long refusedByRunner = 0;
            for (; second < seconds.length() && seconds.isBehind(second); second++) {
                scheduled += seconds.scheduled(second);
                sent += seconds.sent(second);
                rateLimited += seconds.rateLimited(second);
                outOfDescriptors += seconds.outOfDescriptors(second);
                refusedByRunner += seconds.refusedByRunner(second);
                if (seconds.runnerShortOfCpu(second)) {
                    cpuShort = true;
                    busiestCpu = Double.isNaN(busiestCpu)
                            ? seconds.busiestRunnerCpu(second)
                            : Math.max(busiestCpu, seconds.busiestRunnerCpu(second));
                }
            }
            String reason = reason(scheduled, sent, cpuShort, busiestCpu);
            if (outOfDescriptors > 0) {
                reason = descriptorsReason(outOfDescriptors) + "; " + reason;
            }
            if (refusedByRunner > 0) {
                reason = refusedReason(refusedByRunner) + "; " + reason;
            }
            warnings.add(new GeneratorWarning(
                    from,
                    second,
                    rateLimited == 0
                            ? reason
                            : identityReason(rateLimited, seconds.perClientLimitRps()) + "; " + reason));
        }
        return warnings;
    }

    /** The cause named in the report's words, with the count: never a capacity the platform lacked. */
    static String identityReason(long rateLimited, long limitRps) {
        return "rejected by the platform's per-client limit of " + limitRps
                + " req/s: the load test's own identity, not capacity (" + rateLimited
                + " answers 429 RATE_LIMITED with the client's bucket empty)";
    }

    static String descriptorsReason(long failed) {
        return "a runner ran out of file descriptors: " + failed
                + " requests failed without an answer, connections it could not open itself (raise its ulimit -n)";
    }

    static String refusedReason(long refused) {
        return "the runners' own HTTP/2 client refused " + refused
                + " requests (a stream over the server's limit on a connection): never sent to the platform";
    }

    private static String reason(long scheduled, long sent, boolean cpuShort, double busiestCpu) {
        String counts = "runners sent " + sent + " of " + scheduled + " scheduled requests";
        return cpuShort
                ? String.format(
                        java.util.Locale.ROOT,
                        "a runner was short of CPU (%.0f %% of its cores); %s",
                        busiestCpu * 100,
                        counts)
                : counts;
    }
}
