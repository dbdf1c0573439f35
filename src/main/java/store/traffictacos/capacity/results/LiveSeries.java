package store.traffictacos.capacity.results;

import java.util.Arrays;

/**
 * One series while it is being recorded: counts per HDR bucket in a small open-addressing hash
 * table, behind the series' own lock.
 *
 * <p>Why a lock: HdrHistogram 2.2.2's lock-free packed {@code Recorder} hung in our 8-writer test
 * (a writer spinning in {@code AbstractPackedArrayContext.consolidateEntry}), and its flat
 * concurrent histograms cost ~150 KB per series, too much for one series per (second, endpoint,
 * outcome). The lock is held for a hash probe and an increment
 * (tens of ns) and contended only by requests of the same second, endpoint and outcome.
 */
final class LiveSeries {
    private static final long FREE = -1;

    /** Bucket values ({@link Histograms#bucketOf}) or {@link #FREE}; the length is a power of two. */
    private long[] buckets = freeSlots(16);

    private long[] counts = new long[16];
    private int used;

    synchronized void record(long latencyMicros) {
        long bucket = Histograms.bucketOf(latencyMicros);
        int slot = slotOf(bucket, buckets);
        if (buckets[slot] == FREE) {
            // Grow at 3/4 full: series are mostly sparse (about one sample per bucket), so memory is
            // the table; linear probing still finds a slot in a few steps at that load.
            if (4 * (used + 1) > 3 * buckets.length) {
                grow();
                slot = slotOf(bucket, buckets);
            }
            buckets[slot] = bucket;
            used++;
        }
        counts[slot]++;
    }

    synchronized LatencyCounts copy() {
        long[] values = new long[used];
        int n = 0;
        for (long bucket : buckets) {
            if (bucket != FREE) {
                values[n++] = bucket;
            }
        }
        Arrays.sort(values);
        long[] sortedCounts = new long[used];
        for (int i = 0; i < used; i++) {
            sortedCounts[i] = counts[slotOf(values[i], buckets)];
        }
        return new LatencyCounts(values, sortedCounts);
    }

    private void grow() {
        long[] oldBuckets = buckets;
        long[] oldCounts = counts;
        buckets = freeSlots(2 * oldBuckets.length);
        counts = new long[buckets.length];
        for (int i = 0; i < oldBuckets.length; i++) {
            if (oldBuckets[i] != FREE) {
                int slot = slotOf(oldBuckets[i], buckets);
                buckets[slot] = oldBuckets[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** The slot holding {@code bucket}, or the free slot where it belongs (linear probing). */
    private static int slotOf(long bucket, long[] slots) {
        int mask = slots.length - 1;
        // Fibonacci hashing spreads the bucket values, which share their low bits.
        int slot = (int) ((bucket * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (slots[slot] != bucket && slots[slot] != FREE) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long[] freeSlots(int length) {
        long[] slots = new long[length];
        Arrays.fill(slots, FREE);
        return slots;
    }
}
