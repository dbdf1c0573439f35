package store.traffictacos.capacity.report.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import store.traffictacos.capacity.report.model.Latencies;

@DisplayName("Confidence bounds of a percentile")
class QuantileBoundsTest {

    @ParameterizedTest(name = "n={0}, p={1}: ranks {2} and {3}")
    @CsvSource({
        // Expected ranks from the exact binomial distribution (Python, math.comb).
        // The textbook 95 % interval of the median of 100 samples: the 40th and the 61st.
        "100, 0.5, 40, 61",
        // p99 needs 368 samples for an upper bound (1 - 0.99^n >= 0.975), which is then the slowest...
        "367, 0.99, 359, 368",
        "368, 0.99, 360, 368",
        // ... and 559 for it to be the second slowest.
        "559, 0.99, 548, 558",
        "1000, 0.99, 983, 997",
        // Too few for any bound of p99 from above; the lowest ranks still bound it from below.
        "10, 0.99, 9, 11",
        // One sample bounds the median neither way.
        "1, 0.5, 0, 2"
    })
    @DisplayName("the ranks are those of the binomial distribution's 2.5 % tails")
    void ranks(long n, double p, long lower, long upper) {
        // When
        long[] ranks = QuantileBounds.ranks(n, p, 0.95);

        // Then
        assertThat(ranks).containsExactly(lower, upper);
    }

    @Test
    @DisplayName("millions of samples bound the median within a few ranks of n/2")
    void manySamples() {
        // When
        long[] ranks = QuantileBounds.ranks(18_000_000, 0.5, 0.95);

        // Then 1.96 standard deviations (sqrt(n)/2 = 2121) either side of 9,000,000
        assertThat(ranks[0]).isBetween(8_995_840L, 8_995_842L);
        assertThat(ranks[1]).isBetween(9_004_158L, 9_004_160L);
    }

    @Test
    @DisplayName("the bounds are the samples at those ranks, in ms")
    void valuesAtRanks() {
        // Given 1..1000 ms, one sample each
        Histogram micros = Latencies.newHistogram();
        for (long ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1000);
        }

        // When
        QuantileBounds bounds = QuantileBounds.of(micros, 99);

        // Then samples 983 and 997, each the top of its HDR bucket (3 significant digits: 0.1 % wide at most)
        assertThat(bounds.lowerMs()).isBetween(983.0, 984.0);
        assertThat(bounds.upperMs()).isBetween(997.0, 998.0);
    }

    @Test
    @DisplayName("too few samples leave a side unbounded")
    void unbounded() {
        // Given 100 samples
        Histogram micros = Latencies.newHistogram();
        for (long ms = 1; ms <= 100; ms++) {
            micros.recordValue(ms * 1000);
        }

        // When
        QuantileBounds bounds = QuantileBounds.of(micros, 99);

        // Then
        assertThat(bounds.upperMs()).isNull();
        assertThat(bounds.lowerMs()).isNotNull();
    }
}
