package store.traffictacos.capacity.results;

import java.util.Objects;

/**
 * One phase of the load profile as it actually ran: its wall-clock window, the rate it ramped
 * from and to (requests per second for the whole run, all runners together), and whether the
 * report judges it (false for a warm-up: shown, but counted in no verdict and no knee).
 */
public record PhaseWindow(
        String name, long startEpochMs, long endEpochMs, double fromRps, double toRps, boolean judged) {

    /** A judged phase. */
    public PhaseWindow(String name, long startEpochMs, long endEpochMs, double fromRps, double toRps) {
        this(name, startEpochMs, endEpochMs, fromRps, toRps, true);
    }

    public PhaseWindow {
        Objects.requireNonNull(name, "name");
        if (endEpochMs < startEpochMs) {
            throw new IllegalArgumentException("phase " + name + " ends before it starts");
        }
    }
}
