package store.traffictacos.capacity.profile;

import java.time.Duration;

/**
 * One stretch of a load profile: the offered rate goes linearly from {@code fromRps} to {@code toRps} over
 * {@code duration}; a constant phase has {@code fromRps == toRps}.
 *
 * <p>Rates are HTTP requests per second at the gateway, never users or journeys per second: the team's earlier
 * tests mixed the two, and a "30k" run turned out to offer about 2.5k requests per second.
 */
public record Phase(String name, Duration duration, double fromRps, double toRps) {

    public Phase {
        if (name == null || name.isBlank()) {
            throw new ProfileException("a phase name must not be blank");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new ProfileException("phase '" + name + "': duration must be > 0, got " + duration);
        }
        requireRate(name, "from", fromRps);
        requireRate(name, "to", toRps);
    }

    public static Phase constant(String name, Duration duration, double rps) {
        return new Phase(name, duration, rps, rps);
    }

    public static Phase ramp(String name, Duration duration, double fromRps, double toRps) {
        return new Phase(name, duration, fromRps, toRps);
    }

    public boolean isRamp() {
        return fromRps != toRps;
    }

    /** The offered rate {@code offset} into this phase, for 0 <= offset <= duration. */
    public double rpsAt(Duration offset) {
        requireWithin(offset);
        double progress = (double) offset.toNanos() / duration.toNanos();
        // Weighted this way (rather than from + (to - from) × progress) both ends come out exactly from and to.
        return fromRps * (1 - progress) + toRps * progress;
    }

    /** Requests the whole phase offers. */
    public double expectedRequests() {
        return expectedRequests(Duration.ZERO, duration);
    }

    /** Requests offered between two offsets into this phase: the exact integral of the linear rate. */
    public double expectedRequests(Duration start, Duration end) {
        requireWithin(start);
        requireWithin(end);
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
        return (rpsAt(start) + rpsAt(end)) / 2 * end.minus(start).toNanos() / 1e9;
    }

    private void requireWithin(Duration offset) {
        if (offset.isNegative() || offset.compareTo(duration) > 0) {
            throw new IllegalArgumentException(
                    "offset " + offset + " is outside phase '" + name + "' (0.." + duration + ")");
        }
    }

    private static void requireRate(String phase, String which, double rps) {
        if (!(rps >= 0 && Double.isFinite(rps))) {
            throw new ProfileException("phase '" + phase + "': " + which + " rate must be >= 0 and finite, got " + rps);
        }
    }
}
