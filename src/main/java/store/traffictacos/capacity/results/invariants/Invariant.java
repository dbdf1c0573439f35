package store.traffictacos.capacity.results.invariants;

/** The invariants checked, by the names the report, its JSON and JUnit use. */
public enum Invariant {
    /** No (event, seat) confirmed twice, across every runner. */
    SEAT_SOLD_ONCE("seat_sold_once", "no seat confirmed twice"),
    /** No waiting token granted enter twice, and none granted enter after it left the queue. */
    TOKEN_ADMITTED_ONCE("token_admitted_once", "no waiting token admitted twice or after leave"),
    /** No confirm without an approved payment for the reservation, no reservation paid twice. */
    CONFIRM_PAID_ONCE("confirm_paid_once", "no confirm without an approved payment, none paid twice"),
    /** No confirm succeeded after its hold had expired (60 s, or the hold's own hold_expires_at). */
    CONFIRM_WITHIN_HOLD("confirm_within_hold", "no confirm succeeded after its hold expired");

    private final String key;
    private final String description;

    Invariant(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public static Invariant ofKey(String key) {
        for (Invariant invariant : values()) {
            if (invariant.key.equals(key)) {
                return invariant;
            }
        }
        throw new IllegalArgumentException("unknown invariant '" + key + "'");
    }
}
