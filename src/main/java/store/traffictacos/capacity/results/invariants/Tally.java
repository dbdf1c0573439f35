package store.traffictacos.capacity.results.invariants;

import java.util.ArrayList;
import java.util.List;

/**
 * One invariant's count: how many times it was exercised, how many times broken, and the first
 * {@value #MAX_EXAMPLES} ids that broke it. Not thread-safe: its owner guards it.
 */
final class Tally {
    static final int MAX_EXAMPLES = 10;

    long observations;
    long violations;
    final List<String> examples = new ArrayList<>();

    void violated(String example) {
        violations++;
        if (examples.size() < MAX_EXAMPLES && !examples.contains(example)) {
            examples.add(example);
        }
    }

    void add(long moreObservations, long moreViolations, List<String> moreExamples) {
        observations += moreObservations;
        violations += moreViolations;
        for (String example : moreExamples) {
            if (examples.size() < MAX_EXAMPLES && !examples.contains(example)) {
                examples.add(example);
            }
        }
    }

    InvariantResult result(Invariant invariant) {
        return new InvariantResult(invariant, observations, violations, List.copyOf(examples));
    }
}
