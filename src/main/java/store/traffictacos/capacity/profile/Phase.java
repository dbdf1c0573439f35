package store.traffictacos.capacity.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * One stretch of a load profile: the offered rate goes linearly from {@code fromRps} to {@code toRps} over
 * {@code duration}; a constant phase has {@code fromRps == toRps}.
 *
 * <p>Rates are HTTP requests per second at the gateway, never users or journeys per second: the team's earlier
 * tests mixed the two, and a "30k" run turned out to offer about 2.5k requests per second.
 *
 * @param judged false for a phase that is run and shown but counts in no verdict and no knee, such as a
 *     warm-up: cold JVMs and connection pools measure themselves there, not the platform
 */
public record Phase(String name, Duration duration, double fromRps, double toRps, boolean judged) {

    /** A judged phase. */
    public Phase(String name, Duration duration, double fromRps, double toRps) {
        this(name, duration, fromRps, toRps, true);
    }

    /** Scala's BigDecimal arithmetic, which Gatling lays ramps out with. */
    private static final MathContext GATLING_DECIMALS = MathContext.DECIMAL128;

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

    /** The same phase, run and shown but not judged. */
    public Phase notJudged() {
        return new Phase(name, duration, fromRps, toRps, false);
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

    /**
     * Requests the runners start in each whole second of this phase (a remaining fraction of a second gets
     * none), as Gatling's open injection lays them out, since that is what the runners inject:
     * <ul>
     *   <li>a constant phase (or a ramp shorter than a second, run at its mean rate) of rate r over D whole
     *       seconds starts n = round(r × D) requests, spread evenly: second s ends with ceil((s + 1) × n / D)
     *       of them, so the spare requests of an uneven split come first;</li>
     *   <li>a ramp's second s starts the integral of its rate over that second plus the fraction carried from
     *       the seconds before, truncated (Gatling's arithmetic: decimal, 34 digits, rounded to 10 decimals
     *       before truncating), so a last fraction of a request is never started.</li>
     * </ul>
     */
    public long[] requestsPerWholeSecond() {
        int seconds = Math.toIntExact(duration.toSeconds());
        long[] perSecond = new long[seconds];
        if (isRamp() && seconds >= 1) {
            BigDecimal from = BigDecimal.valueOf(fromRps);
            BigDecimal slope = BigDecimal.valueOf(toRps)
                    .subtract(from, GATLING_DECIMALS)
                    .divide(BigDecimal.valueOf(2L * seconds), GATLING_DECIMALS);
            BigDecimal carried = BigDecimal.ZERO;
            for (int second = 0; second < seconds; second++) {
                BigDecimal due = slope.multiply(BigDecimal.valueOf(2L * second + 1), GATLING_DECIMALS)
                        .add(from, GATLING_DECIMALS)
                        .add(carried, GATLING_DECIMALS);
                perSecond[second] = due.setScale(10, RoundingMode.HALF_UP).intValue();
                carried = due.subtract(BigDecimal.valueOf(perSecond[second]), GATLING_DECIMALS);
            }
            return perSecond;
        }
        long requests = Math.round(seconds * (fromRps + toRps) / 2);
        for (int second = 0; second < seconds; second++) {
            perSecond[second] = ceilDiv((second + 1) * requests, seconds) - ceilDiv(second * requests, seconds);
        }
        return perSecond;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
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
