package store.traffictacos.capacity.results;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one latency series: the responses to requests sent during {@code second} (offset from
 * the run's start) to {@code endpoint} that ended with {@code outcome}.
 */
public record SeriesKey(long second, String endpoint, String outcome) implements Comparable<SeriesKey> {
    private static final Comparator<SeriesKey> ORDER = Comparator.comparingLong(SeriesKey::second)
            .thenComparing(SeriesKey::endpoint)
            .thenComparing(SeriesKey::outcome);

    public SeriesKey {
        if (second < 0) {
            throw new IllegalArgumentException("second must be >= 0, was " + second);
        }
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Orders by second, then endpoint, then outcome: the order the series are written in. */
    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}
