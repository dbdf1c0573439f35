package store.traffictacos.capacity.results.invariants;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.function.LongBinaryOperator;

/**
 * A set of {@link Id128} ids, each with a long (a time), open-addressed in one array of three longs an
 * entry: about 50 bytes per id at its fullest, and no object per id. Not thread-safe.
 */
final class IdTable {
    private static final int WORDS = 3;
    private static final int ENTRY_BYTES = WORDS * Long.BYTES;

    private long[] entries;
    private boolean[] used;
    private int size;

    IdTable() {
        this(16);
    }

    private IdTable(int capacity) {
        entries = new long[capacity * WORDS];
        used = new boolean[capacity];
    }

    int size() {
        return size;
    }

    /**
     * Adds the id with {@code value}, or merges {@code value} into the one it has.
     *
     * @return true when the id was new
     */
    boolean add(Id128 id, long value, LongBinaryOperator merge) {
        int slot = slotOf(id.msb(), id.lsb());
        if (used[slot]) {
            entries[slot * WORDS + 2] = merge.applyAsLong(entries[slot * WORDS + 2], value);
            return false;
        }
        used[slot] = true;
        entries[slot * WORDS] = id.msb();
        entries[slot * WORDS + 1] = id.lsb();
        entries[slot * WORDS + 2] = value;
        if (++size * 2 > used.length) {
            grow();
        }
        return true;
    }

    /** The id's value, or {@code absent} when it is not in the table. */
    long valueOf(Id128 id, long absent) {
        int slot = slotOf(id.msb(), id.lsb());
        return used[slot] ? entries[slot * WORDS + 2] : absent;
    }

    interface EntryVisitor {
        void visit(Id128 id, long value);
    }

    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < used.length; slot++) {
            if (used[slot]) {
                visitor.visit(new Id128(entries[slot * WORDS], entries[slot * WORDS + 1]), entries[slot * WORDS + 2]);
            }
        }
    }

    /** Every entry as base64 of big-endian (msb, lsb, value) triples. */
    String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(size * ENTRY_BYTES);
        forEach((id, value) -> bytes.putLong(id.msb()).putLong(id.lsb()).putLong(value));
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #encode} writes */
    static IdTable decode(String text) {
        byte[] raw = Base64.getDecoder().decode(text);
        if (raw.length % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException("an id table of " + raw.length + " bytes, not whole entries");
        }
        IdTable table = new IdTable();
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        while (bytes.hasRemaining()) {
            if (!table.add(new Id128(bytes.getLong(), bytes.getLong()), bytes.getLong(), Math::max)) {
                throw new IllegalArgumentException("an id table holds an id twice");
            }
        }
        return table;
    }

    private int slotOf(long msb, long lsb) {
        int mask = used.length - 1;
        int slot = (int) mix(msb ^ Long.rotateLeft(lsb, 29)) & mask;
        while (used[slot] && !(entries[slot * WORDS] == msb && entries[slot * WORDS + 1] == lsb)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldEntries = entries;
        boolean[] oldUsed = used;
        entries = new long[oldUsed.length * 2 * WORDS];
        used = new boolean[oldUsed.length * 2];
        for (int slot = 0; slot < oldUsed.length; slot++) {
            if (oldUsed[slot]) {
                int to = slotOf(oldEntries[slot * WORDS], oldEntries[slot * WORDS + 1]);
                used[to] = true;
                System.arraycopy(oldEntries, slot * WORDS, entries, to * WORDS, WORDS);
            }
        }
    }
}
