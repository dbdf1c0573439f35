package store.traffictacos.capacity.results.invariants;

import java.util.List;

/**
 * One invariant over a runner or a whole run.
 *
 * @param observations answers that could have broken it (confirms, admissions, ...): 0 means it was not exercised
 * @param violations how many times it was broken
 * @param examples up to ten ids that broke it (seats as {@code event/seat}, tokens, reservations)
 */
public record InvariantResult(Invariant invariant, long observations, long violations, List<String> examples) {
    public InvariantResult {
        examples = List.copyOf(examples);
    }

    public boolean pass() {
        return violations == 0;
    }
}
