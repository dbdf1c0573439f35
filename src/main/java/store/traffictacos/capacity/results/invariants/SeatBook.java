package store.traffictacos.capacity.results.invariants;

import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The (event, seat) pairs confirmed: a seat named by a prefix and a number ({@code S12}, {@code A-2}) is one
 * bit of its event's and prefix's bit set; any other name is kept as itself (such seats are at most the
 * events' stock). Not thread-safe.
 */
final class SeatBook {
    /** A number with more digits than this (or a leading zero) is kept as a name: a bit set that large is no saving. */
    private static final int MAX_DIGITS = 7;

    /** event → seat prefix → the numbers confirmed. */
    final Map<String, Map<String, BitSet>> numbered = new TreeMap<>();
    /** event → seats confirmed whose names are not prefix and number. */
    final Map<String, Set<String>> named = new TreeMap<>();

    /** @return false when the seat was confirmed before */
    boolean add(String eventId, String seatId) {
        int digits = trailingDigits(seatId);
        if (digits == 0) {
            return named.computeIfAbsent(eventId, e -> new TreeSet<>()).add(seatId);
        }
        int number = Integer.parseInt(seatId.substring(seatId.length() - digits));
        BitSet bits = numbered.computeIfAbsent(eventId, e -> new TreeMap<>())
                .computeIfAbsent(seatId.substring(0, seatId.length() - digits), p -> new BitSet());
        if (bits.get(number)) {
            return false;
        }
        bits.set(number);
        return true;
    }

    /** The count of trailing digits that make the seat's number, 0 when it is kept by name. */
    private static int trailingDigits(String seatId) {
        int start = seatId.length();
        while (start > 0 && seatId.charAt(start - 1) >= '0' && seatId.charAt(start - 1) <= '9') {
            start--;
        }
        int digits = seatId.length() - start;
        boolean leadingZero = digits > 1 && seatId.charAt(start) == '0';
        return digits > MAX_DIGITS || leadingZero ? 0 : digits;
    }

    static String seatName(String eventId, String prefix, int number) {
        return eventId + "/" + prefix + number;
    }

    SeatBook copy() {
        SeatBook copy = new SeatBook();
        numbered.forEach((event, prefixes) -> {
            Map<String, BitSet> copied = new TreeMap<>();
            prefixes.forEach((prefix, bits) -> copied.put(prefix, (BitSet) bits.clone()));
            copy.numbered.put(event, copied);
        });
        named.forEach((event, seats) -> copy.named.put(event, new TreeSet<>(seats)));
        return copy;
    }
}
