package store.traffictacos.capacity.results;

import org.HdrHistogram.Histogram;

/** The one HDR configuration of every series, so any two can be added exactly. */
final class Histograms {
    /** Values are kept to 3 significant digits: 0.1% resolution at any latency. */
    static final int SIGNIFICANT_DIGITS = 3;

    /** Only asked for bucket arithmetic, never recorded into, so it is safe to share. */
    private static final Histogram BUCKETS = new Histogram(SIGNIFICANT_DIGITS);

    private Histograms() {}

    /** An empty auto-resizing histogram with the series configuration (lowest discernible value 1). */
    static Histogram newHistogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /** The lowest value of the HDR bucket holding {@code value}: recording either lands in the same bucket. */
    static long bucketOf(long value) {
        return BUCKETS.lowestEquivalentValue(value);
    }
}
