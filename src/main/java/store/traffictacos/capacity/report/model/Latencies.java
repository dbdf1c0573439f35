package store.traffictacos.capacity.report.model;

import org.HdrHistogram.Histogram;

/** The latency conventions of the report: series are µs HDR histograms, the report speaks ms. */
public final class Latencies {
    private Latencies() {}

    /** An empty histogram with the series configuration (3 significant digits, 1 µs), so adding series stays exact. */
    public static Histogram newHistogram() {
        return new Histogram(3);
    }

    /** The value at {@code percentile} in ms: the top of its HDR bucket, as HdrHistogram reports it. */
    public static double percentileMs(Histogram micros, double percentile) {
        return millis(micros.getValueAtPercentile(percentile));
    }

    public static double maxMs(Histogram micros) {
        return millis(micros.getMaxValue());
    }

    public static double millis(long micros) {
        return micros / 1000.0;
    }
}
