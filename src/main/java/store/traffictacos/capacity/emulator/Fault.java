package store.traffictacos.capacity.emulator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A defect the reference target can be started with, to prove that the run's invariant checks catch it:
 * each breaks exactly one invariant of the sale, the way a real platform could.
 */
public enum Fault {
    /** Every hold is answered with its event's first seats, whatever is sold (the deployed unlimited-inventory stub). */
    OVERSELL,
    /** Enter does not end the waiting token: a second enter with it is granted again. */
    DOUBLE_ADMIT,
    /** Confirm does not ask for an approved payment. */
    CONFIRM_UNPAID,
    /**
     * Holds are announced as expiring when made ({@code hold_expires_at} = creation), and confirm does not
     * enforce expiry: a platform that confirms expired holds, visible within a short run.
     */
    LATE_CONFIRM;

    /** The name on the command line and in {@code -Dtarget.fault}: {@code double-admit}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Faults from a comma-separated list of keys; blank or null is none.
     *
     * @throws IllegalArgumentException naming the unknown key and the known ones
     */
    public static Set<Fault> parse(String keys) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        if (keys == null || keys.isBlank()) {
            return faults;
        }
        for (String key : keys.split(",")) {
            faults.add(ofKey(key.strip()));
        }
        return faults;
    }

    public static Fault ofKey(String key) {
        for (Fault fault : values()) {
            if (fault.key().equals(key)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + key + "', expected one of "
                + EnumSet.allOf(Fault.class).stream().map(Fault::key).collect(Collectors.joining(", ")));
    }
}
