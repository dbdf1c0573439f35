package store.traffictacos.capacity.results;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jspecify.annotations.Nullable;

/**
 * The response times (µs) of one series as an immutable HDR histogram in compact form: the count
 * of every non-empty bucket of an HDR histogram with 3 significant digits.
 *
 * <p>Why not keep {@code Histogram}s: a run has one series per (second, endpoint, outcome), tens of
 * thousands, and a flat {@code Histogram} costs ~50-150 KB each, while HdrHistogram's packed one is
 * slow to fill (~3 µs per new value) and to copy (~3 ms). This form costs 16 bytes per non-empty
 * bucket. It carries exactly the information of the histogram: {@link #toHistogram()} equals a
 * histogram that recorded the original samples, and {@link #plus} is exact addition, the same as
 * {@code Histogram.add}.
 */
public final class LatencyCounts {
    /** Ascending; each the lowest value of its bucket ({@link Histograms#bucketOf}). */
    private final long[] values;
    /** Positive; {@code counts[i]} samples fell in the bucket of {@code values[i]}. */
    private final long[] counts;

    private final long totalCount;

    /** Takes ownership of the arrays, which must satisfy the invariants above. */
    LatencyCounts(long[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.totalCount = Arrays.stream(counts).sum();
    }

    /** The counts of a histogram with the series configuration (3 significant digits, unit 1). */
    public static LatencyCounts of(AbstractHistogram histogram) {
        if (histogram.getNumberOfSignificantValueDigits() != Histograms.SIGNIFICANT_DIGITS
                || histogram.getLowestDiscernibleValue() != 1) {
            throw new IllegalArgumentException("histogram has " + histogram.getNumberOfSignificantValueDigits()
                    + " significant digits and lowest value " + histogram.getLowestDiscernibleValue()
                    + "; series need " + Histograms.SIGNIFICANT_DIGITS + " and 1");
        }
        long[] values = new long[64];
        long[] counts = new long[64];
        int n = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
                counts = Arrays.copyOf(counts, 2 * n);
            }
            // The iterator reports each bucket by its highest value; store the lowest, like the recorder.
            values[n] = Histograms.bucketOf(bucket.getValueIteratedTo());
            counts[n++] = bucket.getCountAtValueIteratedTo();
        }
        return new LatencyCounts(Arrays.copyOf(values, n), Arrays.copyOf(counts, n));
    }

    public long totalCount() {
        return totalCount;
    }

    /** A new flat histogram (3 significant digits) holding these counts. */
    public Histogram toHistogram() {
        Histogram histogram = Histograms.newHistogram();
        addTo(histogram);
        return histogram;
    }

    /** Adds these counts to {@code target}, which must have the series configuration to stay exact. */
    public void addTo(AbstractHistogram target) {
        for (int i = 0; i < values.length; i++) {
            target.recordValueWithCount(values[i], counts[i]);
        }
    }

    /** The exact sum of both. */
    public LatencyCounts plus(LatencyCounts other) {
        long[] sumValues = new long[values.length + other.values.length];
        long[] sumCounts = new long[sumValues.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < values.length || j < other.values.length) {
            if (j == other.values.length || (i < values.length && values[i] < other.values[j])) {
                sumValues[n] = values[i];
                sumCounts[n++] = counts[i++];
            } else if (i == values.length || other.values[j] < values[i]) {
                sumValues[n] = other.values[j];
                sumCounts[n++] = other.counts[j++];
            } else {
                sumValues[n] = values[i];
                sumCounts[n++] = counts[i++] + other.counts[j++];
            }
        }
        return new LatencyCounts(Arrays.copyOf(sumValues, n), Arrays.copyOf(sumCounts, n));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof LatencyCounts that
                && Arrays.equals(values, that.values)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyCounts[" + totalCount + " samples in " + values.length + " buckets]";
    }
}
