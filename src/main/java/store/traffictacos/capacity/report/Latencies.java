package store.traffictacos.capacity.report;

import org.HdrHistogram.Histogram;

/** The latency conventions of the report: series are µs HDR histograms, the report speaks ms. */
final class Latencies {
    private Latencies() {
    }

    /** An empty histogram with the series configuration (3 significant digits, 1 µs), so adding series stays exact. */
    static Histogram newHistogram() {
        return new Histogram(3);
    }

    /** The value at {@code percentile} in ms: the top of its HDR bucket, as HdrHistogram reports it. */
    static double percentileMs(Histogram micros, double percentile) {
        return millis(micros.getValueAtPercentile(percentile));
    }

    static double maxMs(Histogram micros) {
        return millis(micros.getMaxValue());
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
