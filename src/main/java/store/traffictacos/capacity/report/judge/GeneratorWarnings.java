package store.traffictacos.capacity.report.judge;

import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;

/**
 * The runs of consecutive seconds in which the load generator sent less than it was scheduled to,
 * or a runner was short of CPU.
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
            for (; second < seconds.length() && seconds.isBehind(second); second++) {
                scheduled += seconds.scheduled(second);
                sent += seconds.sent(second);
                if (seconds.runnerShortOfCpu(second)) {
                    cpuShort = true;
                    busiestCpu = Double.isNaN(busiestCpu)
                            ? seconds.busiestRunnerCpu(second)
                            : Math.max(busiestCpu, seconds.busiestRunnerCpu(second));
                }
            }
            warnings.add(new GeneratorWarning(from, second, reason(scheduled, sent, cpuShort, busiestCpu)));
        }
        return warnings;
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
