package store.traffictacos.capacity.simulations.run;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import store.traffictacos.capacity.results.Outcomes;

/** Counters and a latency recorder for the console's live progress; read as intervals. */
final class LiveStats {
    private final LongAdder answered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Recorder latencyMicros = new Recorder(3);

    void answered(String outcome, long micros) {
        answered.increment();
        if (Outcomes.isPlatformError(outcome)) {
            errors.increment();
        }
        latencyMicros.recordValue(Math.max(0, micros));
    }

    /** Answers and errors since the last call, and their latencies. */
    Interval interval() {
        return new Interval(answered.sumThenReset(), errors.sumThenReset(), latencyMicros.getIntervalHistogram());
    }

    record Interval(long answered, long errors, Histogram latencyMicros) {}
}
