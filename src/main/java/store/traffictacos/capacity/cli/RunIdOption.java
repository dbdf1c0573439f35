package store.traffictacos.capacity.cli;

import store.traffictacos.capacity.config.RunIds;

/** {@code --run-id} as {@code status}, {@code collect} and {@code restore} take it: the one run-id rule. */
final class RunIdOption {
    private RunIdOption() {}

    /** @throws IllegalArgumentException {@code --run-id: must be ...} */
    static String check(String runId) {
        try {
            return RunIds.check(runId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--run-id: " + e.getMessage(), e);
        }
    }
}
