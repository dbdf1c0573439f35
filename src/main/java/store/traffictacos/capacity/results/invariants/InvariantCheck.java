package store.traffictacos.capacity.results.invariants;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks every invariant over a whole run: each runner's own violations, plus what only the runners
 * together show, found on their merged ledgers: a seat confirmed by two runners, a token admitted by two,
 * a token admitted after it left (whoever saw which), a reservation paid in two runners.
 */
public final class InvariantCheck {
    private InvariantCheck() {}

    /** Every invariant, in {@link Invariant} order; each passes when no runner's ledger, nor their merge, broke it. */
    public static List<InvariantResult> check(List<Ledger.Data> runners) {
        Map<Invariant, Tally> tallies = new EnumMap<>(Invariant.class);
        for (Invariant invariant : Invariant.values()) {
            tallies.put(invariant, new Tally());
        }
        for (Ledger.Data runner : runners) {
            for (InvariantResult result : runner.local()) {
                tallies.get(result.invariant()).add(result.observations(), result.violations(), result.examples());
            }
        }
        seatsAcrossRunners(runners, tallies.get(Invariant.SEAT_SOLD_ONCE));
        tokensAcrossRunners(runners, tallies.get(Invariant.TOKEN_ADMITTED_ONCE));
        paymentsAcrossRunners(runners, tallies.get(Invariant.CONFIRM_PAID_ONCE));
        return tallies.entrySet().stream()
                .map(entry -> entry.getValue().result(entry.getKey()))
                .toList();
    }

    /**
     * A seat in two runners' books was sold twice: each runner beyond the first that has it is one more sale.
     * With the stock known, each seat an event sold beyond it is one more violation, named by the event.
     */
    private static void seatsAcrossRunners(List<Ledger.Data> runners, Tally tally) {
        Map<String, Map<String, BitSet>> union = new TreeMap<>();
        Map<String, Set<String>> namedUnion = new TreeMap<>();
        for (Ledger.Data runner : runners) {
            runner.seats()
                    .numbered
                    .forEach((event, prefixes) -> prefixes.forEach((prefix, bits) -> {
                        BitSet seen = union.computeIfAbsent(event, e -> new TreeMap<>())
                                .computeIfAbsent(prefix, p -> new BitSet());
                        BitSet again = (BitSet) bits.clone();
                        again.and(seen);
                        for (int number = again.nextSetBit(0); number >= 0; number = again.nextSetBit(number + 1)) {
                            tally.violated(SeatBook.seatName(event, prefix, number));
                        }
                        seen.or(bits);
                    }));
            runner.seats().named.forEach((event, seats) -> {
                Set<String> seen = namedUnion.computeIfAbsent(event, e -> new TreeSet<>());
                for (String seat : seats) {
                    if (!seen.add(seat)) {
                        tally.violated(event + "/" + seat);
                    }
                }
            });
        }
        int stock = runners.stream()
                .mapToInt(Ledger.Data::seatsPerEvent)
                .filter(seats -> seats > 0)
                .min()
                .orElse(0);
        if (stock > 0) {
            beyondStock(union, namedUnion, stock, tally);
        }
    }

    private static void beyondStock(
            Map<String, Map<String, BitSet>> numbered, Map<String, Set<String>> named, int stock, Tally tally) {
        Map<String, Long> sold = new TreeMap<>();
        numbered.forEach((event, prefixes) ->
                prefixes.values().forEach(bits -> sold.merge(event, (long) bits.cardinality(), Long::sum)));
        named.forEach((event, seats) -> sold.merge(event, (long) seats.size(), Long::sum));
        sold.forEach((event, seats) -> {
            for (long beyond = stock; beyond < seats; beyond++) {
                tally.violated(event + " (" + seats + " seats sold of " + stock + ")");
            }
        });
    }

    /**
     * A token admitted by two runners was admitted twice; a token admitted (its latest enter sent) after it
     * left (its earliest leave answered), in any runners, was admitted after leave.
     */
    private static void tokensAcrossRunners(List<Ledger.Data> runners, Tally tally) {
        IdTable admitted = new IdTable();
        IdTable left = new IdTable();
        for (Ledger.Data runner : runners) {
            runner.admitted().forEach((id, sentEpochMs) -> {
                if (!admitted.add(id, sentEpochMs, Math::max)) {
                    tally.violated(id.toString());
                }
            });
            runner.left().forEach((id, answeredEpochMs) -> left.add(id, answeredEpochMs, Math::min));
        }
        admitted.forEach((id, lastEnterSentEpochMs) -> {
            if (lastEnterSentEpochMs > left.valueOf(id, Long.MAX_VALUE)) {
                tally.violated(id.toString());
            }
        });
    }

    private static void paymentsAcrossRunners(List<Ledger.Data> runners, Tally tally) {
        IdTable approved = new IdTable();
        for (Ledger.Data runner : runners) {
            runner.approved().forEach((id, unused) -> {
                if (!approved.add(id, 0, Math::max)) {
                    tally.violated(id.toString());
                }
            });
        }
    }
}
