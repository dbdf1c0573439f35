package store.traffictacos.capacity.results;

import java.util.Objects;

/**
 * One phase of the load profile as it actually ran: its wall-clock window and the rate it ramped
 * from and to (requests per second for the whole run, all runners together).
 */
public record PhaseWindow(String name, long startEpochMs, long endEpochMs, double fromRps, double toRps) {
    public PhaseWindow {
        Objects.requireNonNull(name, "name");
        if (endEpochMs < startEpochMs) {
            throw new IllegalArgumentException("phase " + name + " ends before it starts");
        }
    }
}
