package store.traffictacos.capacity.platform;

import java.util.List;
import java.util.Optional;

/**
 * A source of platform metrics (Redis INFO, ...). Implementations never throw from
 * {@link #sample}: a source that cannot be read returns an empty list and says why in
 * {@link #unavailableReason()}, and is tried again at the next sample.
 */
public interface PlatformSampler extends AutoCloseable {
    /** A short stable name, e.g. {@code redis}; also the {@link PlatformSample#source()} of its samples. */
    String source();

    /**
     * Reads the source now. Samples are stamped {@code epochMs}, unless the source keeps its own
     * timestamps on the same epoch clock (CloudWatch datapoints carry their period's start). Never throws.
     */
    List<PlatformSample> sample(long epochMs);

    /** Why the last {@link #sample} returned nothing (or only part), empty when it fully worked. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Releases connections; never throws. */
    @Override
    default void close() {}
}
