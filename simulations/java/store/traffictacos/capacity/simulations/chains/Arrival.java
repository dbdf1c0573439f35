package store.traffictacos.capacity.simulations.chains;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import store.traffictacos.capacity.results.Outcomes;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.simulations.endpoints.Auth;
import store.traffictacos.capacity.simulations.endpoints.PaymentEndpoints;
import store.traffictacos.capacity.simulations.endpoints.QueueEndpoints;
import store.traffictacos.capacity.simulations.endpoints.RateLimitHeaders;
import store.traffictacos.capacity.simulations.endpoints.ReservationEndpoints;
import store.traffictacos.capacity.simulations.endpoints.Sessions;
import store.traffictacos.capacity.simulations.journey.JourneyBook;
import store.traffictacos.capacity.simulations.journey.JourneyPlan;
import store.traffictacos.capacity.simulations.journey.Outcome;
import store.traffictacos.capacity.simulations.journey.Step;
import store.traffictacos.capacity.simulations.journey.Work;
import store.traffictacos.capacity.simulations.runtime.DescriptorGauge;
import store.traffictacos.capacity.simulations.runtime.GateAction;
import store.traffictacos.capacity.simulations.runtime.InFlightLimit;
import store.traffictacos.capacity.simulations.runtime.SaturationWatch;
import store.traffictacos.capacity.simulations.runtime.StartGate;
import store.traffictacos.capacity.simulations.runtime.StepListener;
import store.traffictacos.capacity.simulations.runtime.StreamRefusals;

/**
 * What one arriving virtual user does: exactly one request, the next step of some journey
 * ({@link JourneyBook#next()}), then it moves that journey on and reports the answer; or nothing,
 * when the runner already has its {@link InFlightLimit} of requests outstanding. Every request ends
 * by its timeout, as outcome {@value #TIMEOUT}.
 */
public final class Arrival {
    /** The outcome of a request still unanswered at its timeout: an error, the platform's. */
    public static final String TIMEOUT = "timeout";

    /**
     * What paces the arrivals: the start gate they wait at, the in-flight bound they take a slot of, and
     * the watch that stops the run when the runner itself is saturated, and what tells a failure without an
     * answer that was the runner's own (no file descriptor left to open a connection, a stream its HTTP/2 client
     * refused to open) from one the platform's side caused.
     */
    public record Pacing(
            StartGate gate,
            InFlightLimit limit,
            SaturationWatch watch,
            DescriptorGauge descriptors,
            StreamRefusals refusals) {}

    private Arrival() {}

    /** @param timeout how long a request may wait for its answer */
    /** @param ledger where what the platform answered about the sale is kept, for the invariant checks */
    public static ChainBuilder chain(
            JourneyBook book,
            JourneyPlan plan,
            Auth auth,
            Duration timeout,
            Pacing pacing,
            StepListener listener,
            Ledger ledger) {
        return paced(pacing, oneRequest(book, plan, auth, timeout, pacing, listener, new SaleObserver(ledger)));
    }

    /**
     * The generator measured on plain Gatling's work: every arrival sends only {@code GET
     * /api/v1/queue/status} for {@code token}, with the journey's checks, timeout, pacing and outcomes, and
     * moves no journey on (nothing is created on the platform).
     */
    public static ChainBuilder statusOnly(String token, Duration timeout, Pacing pacing, StepListener listener) {
        return paced(pacing, oneStatus(token, timeout, pacing, listener));
    }

    /** The start gate, the saturation watch, and a slot of the in-flight bound, before {@code request}. */
    private static ChainBuilder paced(Pacing pacing, ChainBuilder request) {
        // the slot is taken once per arrival: doIf evaluates its condition once
        return exec(new GateAction(pacing.gate(), pacing.watch()))
                .stopLoadGeneratorIf(
                        session -> pacing.watch().saturated(),
                        session -> pacing.watch().saturated() != null)
                .doIf(session -> pacing.limit().tryAcquire())
                .then(request);
    }

    private static ChainBuilder oneStatus(String token, Duration timeout, Pacing pacing, StepListener listener) {
        long timeoutMicros = timeout.toNanos() / 1_000;
        return exec(session -> {
                    long sentEpochMs = System.currentTimeMillis();
                    listener.sent(sentEpochMs);
                    return session.set(Sessions.REQUEST, new Sessions.Request(null, sentEpochMs, System.nanoTime()));
                })
                .exec(QueueEndpoints.pollStatus(token).requestTimeout(timeout))
                .exec(session -> {
                    Sessions.Request request = Sessions.request(session);
                    long latencyMicros = (System.nanoTime() - request.sentNanos()) / 1_000;
                    pacing.limit().release();
                    Outcome outcome = session.isFailed() ? Outcome.FAILED : Outcome.OK;
                    listener.answered(
                            request.sentEpochMs(),
                            Step.STATUS.endpoint(),
                            outcomeName(session, Step.STATUS, outcome, latencyMicros >= timeoutMicros, pacing),
                            latencyMicros);
                    return session.markAsSucceeded();
                });
    }

    private static ChainBuilder oneRequest(
            JourneyBook book,
            JourneyPlan plan,
            Auth auth,
            Duration timeout,
            Pacing pacing,
            StepListener listener,
            SaleObserver sale) {
        long timeoutMicros = timeout.toNanos() / 1_000;
        return exec(session -> {
                    long sentEpochMs = System.currentTimeMillis();
                    listener.sent(sentEpochMs);
                    Work work = book.next();
                    // one session attribute per request: each set copies the session's attribute map
                    return session.set(Sessions.REQUEST, new Sessions.Request(work, sentEpochMs, System.nanoTime()));
                })
                .doSwitch(session -> Sessions.work(session).step())
                .on(
                        onCase(Step.JOIN).then(exec(QueueEndpoints.join().requestTimeout(timeout))),
                        onCase(Step.STATUS)
                                .then(exec(QueueEndpoints.pollStatus().requestTimeout(timeout))),
                        onCase(Step.ENTER).then(exec(QueueEndpoints.enter().requestTimeout(timeout))),
                        onCase(Step.LEAVE).then(exec(QueueEndpoints.leave().requestTimeout(timeout))),
                        onCase(Step.HOLD)
                                .then(exec(ReservationEndpoints.hold(plan.seatsPerHold(), auth)
                                        .requestTimeout(timeout))),
                        onCase(Step.PAYMENT_INTENT)
                                .then(exec(PaymentEndpoints.intent(plan.priceKrw() * plan.seatsPerHold(), auth)
                                        .requestTimeout(timeout))),
                        onCase(Step.PAYMENT_PROCESS)
                                .then(exec(PaymentEndpoints.approve(auth).requestTimeout(timeout))),
                        onCase(Step.CONFIRM)
                                .then(exec(ReservationEndpoints.confirm(auth).requestTimeout(timeout))),
                        onCase(Step.PROBE_ENTER)
                                .then(exec(QueueEndpoints.enterAgain().requestTimeout(timeout))),
                        onCase(Step.PROBE_CONFIRM)
                                .then(exec(
                                        ReservationEndpoints.confirmUnpaid(auth).requestTimeout(timeout))))
                .exec(session -> {
                    Sessions.Request request = Sessions.request(session);
                    long latencyMicros = (System.nanoTime() - request.sentNanos()) / 1_000;
                    pacing.limit().release();
                    Work work = request.work();
                    Outcome outcome = outcome(session, work);
                    sale.observe(
                            session,
                            work,
                            outcome,
                            request.sentEpochMs(),
                            request.sentEpochMs() + latencyMicros / 1_000);
                    listener.answered(
                            request.sentEpochMs(),
                            work.step().endpoint(),
                            outcomeName(session, work.step(), outcome, latencyMicros >= timeoutMicros, pacing),
                            latencyMicros);
                    book.after(work, outcome);
                    return session.markAsSucceeded();
                });
    }

    /** Reads what the step's checks saved into the journey and says what the answer means. */
    private static Outcome outcome(Session session, Work work) {
        if (session.isFailed()) {
            return Outcome.FAILED;
        }
        switch (work.step()) {
            case JOIN -> work.journey().waitingToken(session.getString(Sessions.SAVED_ID));
            case STATUS -> {
                return session.getBoolean(Sessions.READY) ? Outcome.READY : Outcome.OK;
            }
            case ENTER -> {
                if (session.getInt(Sessions.HTTP_STATUS) == 403) {
                    return Outcome.NOT_READY;
                }
                work.journey().reservationToken(session.getString(Sessions.SAVED_ID));
            }
            case HOLD -> work.journey().reservationId(Sessions.hold(session).reservationId());
            case PAYMENT_INTENT -> work.journey().paymentIntentId(session.getString(Sessions.SAVED_ID));
            default -> {
                // nothing to carry forward
            }
        }
        return Outcome.OK;
    }

    /**
     * @param timedOut the request was still unanswered at its timeout (Gatling then ends it without a status)
     * @param pacing whether the runner was out of file descriptors (a failure without an answer is then most
     *     likely a connection it could not open itself) and which streams its own HTTP/2 client refused
     */
    private static String outcomeName(Session session, Step step, Outcome outcome, boolean timedOut, Pacing pacing) {
        if (outcome == Outcome.NOT_READY) {
            return Outcomes.NOT_READY;
        }
        if (outcome != Outcome.FAILED) {
            return Outcomes.OK;
        }
        if (!session.contains(Sessions.HTTP_STATUS)) {
            if (timedOut) {
                return TIMEOUT;
            }
            if (pacing.refusals().refused(session.userId())) {
                return Outcomes.RUNNER_STREAM_REFUSED;
            }
            return pacing.descriptors().exhausted() ? Outcomes.OUT_OF_DESCRIPTORS : "connection";
        }
        int status = session.getInt(Sessions.HTTP_STATUS);
        String rateLimited = status == 429 ? RateLimitHeaders.rateLimitedOutcome(session) : null;
        if (rateLimited != null) {
            return rateLimited;
        }
        return expected(step, status) ? "check" : "http_" + status;
    }

    private static boolean expected(Step step, int status) {
        return switch (step) {
            case JOIN -> status == 202;
            case HOLD -> status == 201;
            case ENTER -> status == 200 || status == 403;
            default -> status == 200;
        };
    }
}
