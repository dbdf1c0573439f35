package store.traffictacos.capacity.results;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The buckets of a run indexed by second. Reading an existing bucket takes no lock; creating one
 * (once per second of the run) does, and so does growing, which copies into a larger array so
 * readers holding the old array still find the same bucket objects.
 */
final class SecondBuckets {
    private volatile AtomicReferenceArray<@Nullable SecondBucket> buckets = new AtomicReferenceArray<>(256);
    private volatile int size;

    SecondBucket get(int second) {
        AtomicReferenceArray<@Nullable SecondBucket> current = buckets;
        if (second < current.length()) {
            SecondBucket bucket = current.get(second);
            if (bucket != null) {
                return bucket;
            }
        }
        return create(second);
    }

    /** One more than the highest second with a bucket. */
    int size() {
        return size;
    }

    /** The bucket of {@code second}, or null if nothing happened in it. */
    @Nullable
    SecondBucket existing(int second) {
        AtomicReferenceArray<@Nullable SecondBucket> current = buckets;
        return second < current.length() ? current.get(second) : null;
    }

    private synchronized SecondBucket create(int second) {
        AtomicReferenceArray<@Nullable SecondBucket> current = buckets;
        if (second >= current.length()) {
            AtomicReferenceArray<@Nullable SecondBucket> grown =
                    new AtomicReferenceArray<>(Math.max(second + 1, 2 * current.length()));
            for (int i = 0; i < current.length(); i++) {
                grown.set(i, current.get(i));
            }
            buckets = grown;
            current = grown;
        }
        SecondBucket bucket = current.get(second);
        if (bucket == null) {
            bucket = new SecondBucket();
            current.set(second, bucket);
            size = Math.max(size, second + 1);
        }
        return bucket;
    }
}
