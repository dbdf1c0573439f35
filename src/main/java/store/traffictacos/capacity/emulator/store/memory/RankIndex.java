package store.traffictacos.capacity.emulator.store.memory;

import java.util.Arrays;

/**
 * Join-order ranking of one event in O(log n): a Fenwick tree over join sequence numbers holding
 * 1 for each user still waiting, so a user's position is the prefix sum up to their number.
 * Not thread-safe; the owning event room synchronizes.
 */
final class RankIndex {
    private int[] tree = new int[1024];
    private int lastSequence;
    private int waiting;

    /** Appends a user and returns their join sequence number (1-based). */
    int append() {
        if (lastSequence + 1 >= tree.length) {
            grow();
        }
        lastSequence++;
        add(lastSequence, 1);
        waiting++;
        return lastSequence;
    }

    void remove(int sequence) {
        add(sequence, -1);
        waiting--;
    }

    /** 1-based position of a waiting user. */
    long position(int sequence) {
        long sum = 0;
        for (int i = sequence; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    int waiting() {
        return waiting;
    }

    private void add(int sequence, int delta) {
        for (int i = sequence; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Doubles the tree; each new node's range gets the sum of its covered old values. */
    private void grow() {
        int oldLength = tree.length;
        int[] values = new int[oldLength];
        for (int i = 1; i < oldLength; i++) {
            values[i] = (int) (position(i) - position(i - 1));
        }
        tree = new int[oldLength * 2];
        int[] rebuilt = Arrays.copyOf(values, tree.length);
        for (int i = 1; i < tree.length; i++) {
            tree[i] += rebuilt[i];
            int parent = i + (i & -i);
            if (parent < tree.length) {
                tree[parent] += tree[i];
            }
        }
    }
}
