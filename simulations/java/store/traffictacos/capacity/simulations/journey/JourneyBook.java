package store.traffictacos.capacity.simulations.journey;

import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import store.traffictacos.capacity.results.funnel.FunnelRecorder;

/**
 * The journeys in flight and the steps they are due to make. Each arriving virtual user asks
 * {@link #next()} for exactly one request: the earliest step that is due, or else the join of a
 * new journey. So the request rate is the arrival rate, exactly, whatever the journeys' lengths,
 * and journeys still wait at least their poll interval between status polls.
 *
 * <p>Every arrival asks, from every Gatling event loop at once, so the book is built for that:
 * steps due at once (enter after ready, hold, payment, confirm, leave) wait in a lock-free FIFO,
 * which is their due order; steps due later (status polls) wait in a priority queue behind a lock
 * that an arrival takes only when the earliest of them is due, known from a volatile read. A
 * single {@code DelayQueue} for both made every arrival take one contended lock (and park and
 * unpark the event loops on it).
 */
public final class JourneyBook {
    private final JourneyPlan plan;
    private final long firstUserId;
    private final long userIdStride;
    private final LongSupplier nanoClock;
    private final AtomicLong joins = new AtomicLong();
    /** Steps due when scheduled: FIFO is due order. */
    private final ConcurrentLinkedQueue<Due> dueNow = new ConcurrentLinkedQueue<>();
    /** Steps due later, earliest first; guarded by itself. */
    private final PriorityQueue<Due> dueLater = new PriorityQueue<>();
    /** The earliest due time in {@link #dueLater}, {@link Long#MAX_VALUE} when it is empty. */
    private volatile long dueLaterHeadNanos = Long.MAX_VALUE;

    private final LongFunction<String> addresses;
    private final LongAdder completed = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder failed = new LongAdder();
    /** How far the journeys that set out to purchase went, per phase of their join. */
    private final FunnelRecorder funnel;

    /**
     * @param runnerIndex user ids are {@code runnerIndex + k × runnerCount}, so runners never collide
     */
    public JourneyBook(JourneyPlan plan, int runnerIndex, int runnerCount, LongSupplier nanoClock) {
        this(plan, runnerIndex, runnerCount, journeyNumber -> null, FunnelRecorder.none(), nanoClock);
    }

    /**
     * @param addresses the X-Forwarded-For address of the runner's n-th journey (0, 1, ...); null: the
     *     runner's own
     * @param funnel where the journeys' way through the sale is counted; its clock is {@code nanoClock}'s
     */
    public JourneyBook(
            JourneyPlan plan,
            int runnerIndex,
            int runnerCount,
            LongFunction<String> addresses,
            FunnelRecorder funnel,
            LongSupplier nanoClock) {
        this.plan = plan;
        this.funnel = funnel;
        this.addresses = addresses;
        this.firstUserId = runnerIndex;
        this.userIdStride = runnerCount;
        this.nanoClock = nanoClock;
    }

    /** Journeys started, and how those that ended, ended. */
    public record Counts(long started, long completed, long abandoned, long failed) {
        public long inFlight() {
            return started - completed - abandoned - failed;
        }
    }

    public Counts counts() {
        return new Counts(joins.get(), completed.sum(), abandoned.sum(), failed.sum());
    }

    /** The request the next arrival makes. */
    public Work next() {
        long now = nanoClock.getAsLong();
        Due first = dueNow.peek();
        // the earliest due step of both queues (a step due later is due once its time has come)
        long laterHead = dueLaterHeadNanos;
        if (laterHead != Long.MAX_VALUE && laterHead - now <= 0 && (first == null || laterHead - first.dueNanos < 0)) {
            Due later = pollDueLater(now);
            if (later != null) {
                return later.work;
            }
        }
        if (first != null) {
            Due step = dueNow.poll();
            if (step != null) {
                return step.work;
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long journeyNumber = joins.getAndIncrement();
        long userId = firstUserId + journeyNumber * userIdStride;
        boolean purchases = random.nextDouble() < plan.purchaseShare();
        long joinedAtNanos = nanoClock.getAsLong();
        int phase = funnel.phaseOf(joinedAtNanos);
        funnel.joined(phase, purchases);
        Journey journey = new Journey(
                userId,
                "evt_" + (1 + random.nextInt(plan.events())),
                purchases,
                plan.probeShare() > 0 && random.nextDouble() < plan.probeShare(),
                joinedAtNanos,
                phase,
                addresses.apply(journeyNumber));
        return new Work(journey, Step.JOIN);
    }

    /** Moves the journey on after its step answered {@code outcome}. */
    public void after(Work work, Outcome outcome) {
        Journey journey = work.journey();
        if (work.step() == Step.LEAVE) {
            abandoned.increment();
            funnel.dropped(journey.phase(), journey.purchases());
            return;
        }
        // a probe's answer, whatever it is, is the invariant checks' business: the journey goes on
        if (work.step() == Step.PROBE_ENTER) {
            afterGrantedEnter(journey);
            return;
        }
        if (work.step() == Step.PROBE_CONFIRM) {
            schedule(journey, Step.PAYMENT_INTENT, 0);
            return;
        }
        if (outcome == Outcome.FAILED) {
            failed.increment();
            funnel.dropped(journey.phase(), journey.purchases());
            return;
        }
        switch (work.step()) {
            case JOIN -> schedule(journey, Step.STATUS, pollDelayNanos());
            case STATUS -> {
                if (outcome == Outcome.READY) {
                    schedule(journey, Step.ENTER, 0);
                } else {
                    pollAgainOrLeave(journey);
                }
            }
            case ENTER -> {
                if (outcome == Outcome.NOT_READY) {
                    pollAgainOrLeave(journey);
                    return;
                }
                funnel.admitted(journey.phase(), journey.purchases(), nanoClock.getAsLong() - journey.joinedAtNanos());
                if (journey.probes()) {
                    schedule(journey, Step.PROBE_ENTER, 0);
                } else {
                    afterGrantedEnter(journey);
                }
            }
            case HOLD -> {
                funnel.held(journey.phase());
                schedule(journey, journey.probes() ? Step.PROBE_CONFIRM : Step.PAYMENT_INTENT, 0);
            }
            case PAYMENT_INTENT -> schedule(journey, Step.PAYMENT_PROCESS, 0);
            case PAYMENT_PROCESS -> {
                funnel.paid(journey.phase());
                schedule(journey, Step.CONFIRM, 0);
            }
            case CONFIRM -> {
                funnel.confirmed(journey.phase());
                completed.increment();
            }
            default -> throw new IllegalStateException("unexpected step " + work.step());
        }
    }

    private void afterGrantedEnter(Journey journey) {
        if (journey.purchases()) {
            schedule(journey, Step.HOLD, 0);
        } else {
            completed.increment();
        }
    }

    private void pollAgainOrLeave(Journey journey) {
        journey.polls++;
        long waitedNanos = nanoClock.getAsLong() - journey.joinedAtNanos();
        if (journey.polls >= plan.maxPolls() || waitedNanos >= plan.maxWait().toNanos()) {
            schedule(journey, Step.LEAVE, 0);
        } else {
            schedule(journey, Step.STATUS, pollDelayNanos());
        }
    }

    private long pollDelayNanos() {
        long min = plan.pollMin().toNanos();
        long max = plan.pollMax().toNanos();
        return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }

    private void schedule(Journey journey, Step step, long delayNanos) {
        Due due = new Due(new Work(journey, step), nanoClock.getAsLong() + delayNanos);
        if (delayNanos <= 0) {
            dueNow.add(due);
            return;
        }
        synchronized (dueLater) {
            dueLater.add(due);
            dueLaterHeadNanos = dueLater.peek().dueNanos;
        }
    }

    private Due pollDueLater(long now) {
        synchronized (dueLater) {
            Due head = dueLater.peek();
            if (head == null || head.dueNanos - now > 0) {
                return null;
            }
            dueLater.poll();
            Due next = dueLater.peek();
            dueLaterHeadNanos = next == null ? Long.MAX_VALUE : next.dueNanos;
            return head;
        }
    }

    private static final class Due implements Comparable<Due> {
        private final Work work;
        private final long dueNanos;

        Due(Work work, long dueNanos) {
            this.work = work;
            this.dueNanos = dueNanos;
        }

        @Override
        public int compareTo(Due other) {
            return Long.compare(dueNanos, other.dueNanos);
        }
    }
}
