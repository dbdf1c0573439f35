package store.traffictacos.capacity.report;

import java.util.ArrayList;
import java.util.List;
import store.traffictacos.capacity.report.CapacityReport.GeneratorWarning;

/** The runs of consecutive seconds in which the load generator sent less than it was scheduled to. */
final class GeneratorWarnings {
    private GeneratorWarnings() {
    }

    static List<GeneratorWarning> find(RunSeconds seconds) {
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
            for (; second < seconds.length() && seconds.isBehind(second); second++) {
                scheduled += seconds.scheduled(second);
                sent += seconds.sent(second);
            }
            warnings.add(new GeneratorWarning(from, second,
                    "runners sent " + sent + " of " + scheduled + " scheduled requests"));
        }
        return warnings;
    }
}
