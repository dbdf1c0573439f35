package store.traffictacos.capacity.profile;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A named sequence of phases run back to back; the rates are what all runners offer together. */
public record LoadProfile(String name, List<Phase> phases) {

    /** Rates are split in whole thousandths of a request per second, so the shares can add up exactly. */
    private static final double MILLI = 1_000;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long MS_PER_SECOND = 1_000L;

    public LoadProfile {
        if (name == null || name.isBlank()) {
            throw new ProfileException("a profile name must not be blank");
        }
        if (phases == null || phases.isEmpty()) {
            throw new ProfileException("profile '" + name + "' has no phases");
        }
        phases = List.copyOf(phases);
        Set<String> names = new HashSet<>();
        for (Phase phase : phases) {
            if (!names.add(phase.name())) {
                throw new ProfileException("profile '" + name + "' has two phases named '" + phase.name() + "'");
            }
        }
    }

    public Duration totalDuration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The highest rate any phase reaches (a ramp's higher end). */
    public double peakRps() {
        return phases.stream()
                .mapToDouble(phase -> Math.max(phase.fromRps(), phase.toRps()))
                .max()
                .orElse(0);
    }

    /** The phase running {@code offset} after the start; a phase's end belongs to the next one. */
    public Optional<Phase> phaseAt(Duration offset) {
        Duration end = Duration.ZERO;
        for (Phase phase : phases) {
            Duration start = end;
            end = end.plus(phase.duration());
            if (offset.compareTo(start) >= 0 && offset.compareTo(end) < 0) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    /** Requests scheduled between two offsets from the start (outside the profile: none). */
    public double expectedRequests(Duration from, Duration to) {
        double requests = 0;
        Duration phaseStart = Duration.ZERO;
        for (Phase phase : phases) {
            Duration phaseEnd = phaseStart.plus(phase.duration());
            Duration start = from.compareTo(phaseStart) > 0 ? from : phaseStart;
            Duration end = to.compareTo(phaseEnd) < 0 ? to : phaseEnd;
            if (end.compareTo(start) > 0) {
                requests += phase.expectedRequests(start.minus(phaseStart), end.minus(phaseStart));
            }
            phaseStart = phaseEnd;
        }
        return requests;
    }

    /**
     * Requests scheduled in each second from the start: what the runners' injector starts in that second,
     * not a rounding of the rate, so that a second's requests sent can be held against it. Each phase's
     * requests are spread evenly over its whole seconds from the phase's start (see {@link
     * Phase#requestsPerWholeSecond()}); within a second they are evenly spaced from its start, request j of
     * n at j × 1000 / n ms (whole ms), which decides their second when a phase starts between whole seconds.
     * Gatling's open injection lays users out this way and the runners inject a profile with it; a test of
     * the simulations holds the two together.
     */
    public long[] requestsPerSecond() {
        long[] perSecond = new long[Math.toIntExact(ceilDiv(totalDuration().toNanos(), NANOS_PER_SECOND))];
        long phaseStartNanos = 0;
        for (Phase phase : phases) {
            long[] phaseSeconds = phase.requestsPerWholeSecond();
            for (int second = 0; second < phaseSeconds.length; second++) {
                spreadOverOneSecond(perSecond, phaseStartNanos + second * NANOS_PER_SECOND, phaseSeconds[second]);
            }
            phaseStartNanos += phase.duration().toNanos();
        }
        return perSecond;
    }

    /** Adds {@code requests} evenly spaced over the second from {@code startNanos} into the seconds they fall in. */
    private static void spreadOverOneSecond(long[] perSecond, long startNanos, long requests) {
        int second = Math.toIntExact(startNanos / NANOS_PER_SECOND);
        long intoSecond = startNanos % NANOS_PER_SECOND;
        if (intoSecond == 0 || requests == 0) {
            perSecond[second] += requests;
            return;
        }
        // Request j is at floor(j × 1000 / n) ms: it is still in this second while that is under msLeft.
        long msLeft = ceilDiv(NANOS_PER_SECOND - intoSecond, NANOS_PER_MS);
        long inThisSecond = Math.min(requests, ceilDiv(msLeft * requests, MS_PER_SECOND));
        perSecond[second] += inThisSecond;
        perSecond[second + 1] += requests - inThisSecond;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    public double expectedRequests() {
        return phases.stream().mapToDouble(Phase::expectedRequests).sum();
    }

    /**
     * The share of runner {@code index} (0-based) of {@code count} runners: the same phases with every
     * rate split so the shares of all runners add up to this profile's rate exactly.
     *
     * <p>The split is done in whole milli-requests per second: each rate is first rounded to 0.001 rps (finer
     * rates cannot be split exactly and no generator honours them), then runner i gets
     * floor(R × (i+1) / count) − floor(R × i / count) of the R thousandths, which differs from R / count by
     * less than one thousandth and sums to R over all runners.
     */
    public LoadProfile shard(int index, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("runner count must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("runner index must be 0.." + (count - 1) + ", got " + index);
        }
        return new LoadProfile(
                name,
                phases.stream()
                        .map(phase -> new Phase(
                                phase.name(),
                                phase.duration(),
                                share(phase.fromRps(), index, count),
                                share(phase.toRps(), index, count),
                                phase.judged()))
                        .toList());
    }

    private static double share(double rps, int index, int count) {
        long milliRps = Math.round(rps * MILLI);
        return (cumulativeShare(milliRps, index + 1, count) - cumulativeShare(milliRps, index, count)) / MILLI;
    }

    /** floor(total × runners / count), computed as q × runners + floor(r × runners / count) so it cannot overflow. */
    private static long cumulativeShare(long total, int runners, int count) {
        return total / count * runners + total % count * runners / count;
    }
}
