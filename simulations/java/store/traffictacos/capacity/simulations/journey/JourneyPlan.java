package store.traffictacos.capacity.simulations.journey;

import java.time.Duration;

/**
 * The traffic mix as data.
 *
 * @param events journeys pick one of {@code evt_1 .. evt_<events>} at random
 * @param purchaseShare share of journeys that go past enter (hold, pay, confirm); the rest stop
 *     after enter
 * @param pollMin status polls wait a random time in [pollMin, pollMax]
 * @param maxPolls a journey that is still not ready after this many polls leaves the queue
 * @param maxWait ... or after waiting this long since join
 * @param seatsPerHold seats each hold asks for (by quantity)
 * @param priceKrw payment amount per seat
 * @param probeShare share of journeys that also probe the contract once where it must refuse: a second enter
 *     after theirs was granted, a confirm before paying for their hold (so that a platform which admits twice or
 *     confirms unpaid shows it to the invariant checks); a probe's refusal is its expected answer
 */
public record JourneyPlan(
        int events,
        double purchaseShare,
        Duration pollMin,
        Duration pollMax,
        int maxPolls,
        Duration maxWait,
        int seatsPerHold,
        long priceKrw,
        double probeShare) {

    /** A plan whose journeys never probe. */
    public JourneyPlan(
            int events,
            double purchaseShare,
            Duration pollMin,
            Duration pollMax,
            int maxPolls,
            Duration maxWait,
            int seatsPerHold,
            long priceKrw) {
        this(events, purchaseShare, pollMin, pollMax, maxPolls, maxWait, seatsPerHold, priceKrw, 0);
    }

    public JourneyPlan {
        if (events < 1) {
            throw new IllegalArgumentException("journey.events must be >= 1, got " + events);
        }
        if (!(purchaseShare >= 0 && purchaseShare <= 1)) {
            throw new IllegalArgumentException("journey.purchase.share must be within 0..1, got " + purchaseShare);
        }
        if (pollMin.isNegative() || pollMax.compareTo(pollMin) < 0) {
            throw new IllegalArgumentException("poll interval must satisfy 0 <= min <= max");
        }
        if (maxPolls < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("journey.max.polls and journey.max.wait must be > 0");
        }
        if (seatsPerHold < 1 || priceKrw < 1) {
            throw new IllegalArgumentException("seats per hold and price must be >= 1");
        }
        if (!(probeShare >= 0 && probeShare <= 1)) {
            throw new IllegalArgumentException("journey.probe.share must be within 0..1, got " + probeShare);
        }
    }

    /** The team's journey: 100 events, polls every 2–4 s for at most 5 minutes; no probes. */
    public static JourneyPlan standard(double purchaseShare) {
        return new JourneyPlan(
                100,
                purchaseShare,
                Duration.ofSeconds(2),
                Duration.ofSeconds(4),
                150,
                Duration.ofMinutes(5),
                1,
                120_000);
    }
}
