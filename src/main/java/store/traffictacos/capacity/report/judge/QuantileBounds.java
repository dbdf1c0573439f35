package store.traffictacos.capacity.report.judge;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.Latencies;

/**
 * A distribution-free confidence interval of a percentile, from order statistics: of n samples, the
 * ones at ranks l and u (1-based, in ascending order) bound the true p-quantile with probability
 * P(l ≤ X ≤ u − 1), X ~ Binomial(n, p), whatever the latency distribution. l is the highest rank with
 * P(X ≤ l − 1) ≤ (1 − confidence) / 2 and u the lowest with P(X ≤ u − 1) ≥ (1 + confidence) / 2, so
 * each side misses with at most half the rest. With too few samples there is no such rank: for p99 at
 * 95 %, an upper bound exists only from 368 samples on (1 − 0.99ⁿ ≥ 0.975), and up to 558 samples it is
 * the slowest one.
 *
 * <p>Both bounds read as every percentile of the report does: the top of the sample's HDR bucket (3
 * significant digits), so a bound and a percentile of the same samples compare alike with a threshold.
 *
 * @param lowerMs the lower bound, or null when no rank bounds the percentile from below
 * @param upperMs the upper bound, or null when no rank bounds it from above
 */
public record QuantileBounds(
        @Nullable Double lowerMs, @Nullable Double upperMs) {
    /** Terms of the binomial below this share of the largest one do not change a double sum. */
    private static final double NEGLIGIBLE = 1e-18;

    /** The bounds of the {@code percentile} (0..100) of the samples in {@code micros}. */
    public static QuantileBounds of(Histogram micros, double percentile) {
        long samples = micros.getTotalCount();
        long[] ranks = ranks(samples, percentile / 100, SloResult.CONFIDENCE);
        return new QuantileBounds(
                ranks[0] < 1 ? null : Latencies.millis(valueAtRank(micros, ranks[0])),
                ranks[1] > samples ? null : Latencies.millis(valueAtRank(micros, ranks[1])));
    }

    /**
     * The ranks {l, u} bounding the p-quantile of n samples at {@code confidence}; l = 0 when no rank
     * bounds it from below, u = n + 1 when none bounds it from above.
     */
    static long[] ranks(long n, double p, double confidence) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a quantile is within (0, 1), got " + p);
        }
        if (n == 0) {
            return new long[] {0, 1};
        }
        double tail = (1 - confidence) / 2;
        BinomialTerms binomial = new BinomialTerms(n, p);
        // Below the first term the probability is negligible: every rank up to it bounds from below.
        long lower = binomial.first > 0 ? binomial.first : 0;
        long upper = n + 1;
        for (int i = 0; i < binomial.cdf.length; i++) {
            long x = binomial.first + i; // cdf[i] = P(X <= x)
            if (binomial.cdf[i] <= tail) {
                lower = x + 1;
            }
            if (binomial.cdf[i] >= 1 - tail) {
                upper = x + 1;
                break;
            }
        }
        return new long[] {lower, upper};
    }

    /** The sample at 1-based {@code rank}, as the top of its bucket (as HdrHistogram reports percentiles). */
    private static long valueAtRank(Histogram micros, long rank) {
        for (HistogramIterationValue value : micros.recordedValues()) {
            if (value.getTotalCountToThisValue() >= rank) {
                return micros.highestEquivalentValue(value.getValueIteratedTo());
            }
        }
        throw new IllegalArgumentException("rank " + rank + " is beyond the " + micros.getTotalCount() + " samples");
    }

    /**
     * The binomial probabilities that matter, P(X ≤ k) for k in [first, first + cdf.length), found from the
     * mode outwards by the ratio of neighbouring terms and normalised by their sum, so that neither n! nor
     * pⁿ is ever computed (both overflow or vanish for the millions of samples of a long phase).
     */
    private static final class BinomialTerms {
        final long first;
        final double[] cdf;

        BinomialTerms(long n, double p) {
            double q = 1 - p;
            long mode = Math.min(n, (long) Math.floor((n + 1) * p));
            // P(X = k + 1) / P(X = k) = (n − k) / (k + 1) × p / q, and its inverse going down.
            double[] up = fromMode(mode, n, 1, k -> (double) (n - k) / (k + 1) * p / q);
            double[] down = fromMode(mode, 0, -1, k -> (double) k / (n - k + 1) * q / p);
            first = mode - (down.length - 1);
            double[] pmf = new double[down.length + up.length - 1];
            for (int i = 0; i < down.length; i++) {
                pmf[down.length - 1 - i] = down[i];
            }
            System.arraycopy(up, 1, pmf, down.length, up.length - 1);
            double total = 0;
            for (double term : pmf) {
                total += term;
            }
            cdf = new double[pmf.length];
            double sum = 0;
            for (int i = 0; i < pmf.length; i++) {
                sum += pmf[i];
                cdf[i] = Math.min(1, sum / total);
            }
        }

        /** Terms relative to the mode's (1), stepping from the mode towards {@code end} until negligible. */
        private static double[] fromMode(long mode, long end, int step, LongToDoubleFunction ratio) {
            double[] terms = new double[16];
            int count = 0;
            double term = 1;
            terms[count++] = term;
            for (long k = mode; k != end && term > NEGLIGIBLE; k += step) {
                term *= ratio.applyAsDouble(k);
                if (count == terms.length) {
                    terms = Arrays.copyOf(terms, count * 2);
                }
                terms[count++] = term;
            }
            return Arrays.copyOf(terms, count);
        }
    }
}
