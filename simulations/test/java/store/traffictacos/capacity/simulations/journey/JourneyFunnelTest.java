package store.traffictacos.capacity.simulations.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.results.funnel.FunnelRecorder;
import store.traffictacos.capacity.results.funnel.PhaseFunnel;

@DisplayName("The journey book counts the purchase funnel")
class JourneyFunnelTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FunnelRecorder funnel = new FunnelRecorder(
            1.0, List.of("step-1", "step-2"), List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)));

    private JourneyBook book(double purchaseShare) {
        funnel.start(nanos.get());
        JourneyPlan plan = new JourneyPlan(
                10, purchaseShare, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 1, 1_000);
        return new JourneyBook(plan, 0, 1, n -> null, funnel, nanos::get);
    }

    /** Answers the journey's steps OK (status ready) until it ends or reaches {@code last}, 2 s per poll. */
    private static void walk(JourneyBook book, Work join, Step last, Outcome lastOutcome, AtomicLong nanos) {
        Work work = join;
        while (true) {
            boolean isLast = work.step() == last;
            book.after(work, isLast ? lastOutcome : work.step() == Step.STATUS ? Outcome.READY : Outcome.OK);
            if (isLast) {
                return;
            }
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            work = book.next();
            assertThat(work.journey()).isSameAs(join.journey());
        }
    }

    @Test
    @DisplayName("a journey that buys counts in every stage, with its time to admission from join to granted enter")
    void completedJourney() {
        // Given
        JourneyBook book = book(1.0);

        // When one journey goes through to its confirm
        walk(book, book.next(), Step.CONFIRM, Outcome.OK, nanos);

        // Then: join at 0 s, status at 2 s, enter answered at 4 s
        PhaseFunnel first = funnel.snapshot().phases().get(0);
        assertThat(List.of(
                        first.journeys(),
                        first.joined(),
                        first.admitted(),
                        first.held(),
                        first.paid(),
                        first.confirmed()))
                .containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(first.dropped()).isZero();
        assertThat(first.admissionMs().getTotalCount()).isEqualTo(1);
        assertThat(first.admissionMs().getMaxValue()).isBetween(3_990L, 4_010L);
    }

    @Test
    @DisplayName("a journey counts in the phase it joined in, though it confirms in the next")
    void phaseOfItsJoin() {
        // Given a journey that joins 9 s into the first 10 s phase
        JourneyBook book = book(1.0);
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());

        // When it confirms 12 s later, in the second phase
        walk(book, book.next(), Step.CONFIRM, Outcome.OK, nanos);

        // Then
        assertThat(funnel.snapshot().phases())
                .extracting(PhaseFunnel::phase, PhaseFunnel::joined, PhaseFunnel::confirmed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("step-1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("step-2", 0L, 0L));
    }

    @Test
    @DisplayName(
            "a journey not meant to buy counts among the journeys and their admissions, not in the funnel's stages")
    void browsingJourney() {
        // Given a plan in which no journey buys
        JourneyBook book = book(0.0);

        // When one is admitted and ends there
        walk(book, book.next(), Step.ENTER, Outcome.OK, nanos);

        // Then
        PhaseFunnel first = funnel.snapshot().phases().get(0);
        assertThat(first.journeys()).isEqualTo(1);
        assertThat(List.of(first.joined(), first.admitted(), first.held(), first.confirmed(), first.dropped()))
                .containsOnly(0L);
        assertThat(first.admissionMs().getTotalCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a journey whose hold fails is dropped after admission, and not unfinished")
    void failedHold() {
        // Given
        JourneyBook book = book(1.0);

        // When its hold fails
        walk(book, book.next(), Step.HOLD, Outcome.FAILED, nanos);

        // Then
        PhaseFunnel first = funnel.snapshot().phases().get(0);
        assertThat(List.of(first.joined(), first.admitted(), first.held(), first.dropped()))
                .containsExactly(1L, 1L, 0L, 1L);
        assertThat(first.unfinished()).isZero();
    }

    @Test
    @DisplayName("a journey still on its way when the runner stops is unfinished")
    void unfinishedJourney() {
        // Given
        JourneyBook book = book(1.0);

        // When it has paid but not yet confirmed
        walk(book, book.next(), Step.PAYMENT_PROCESS, Outcome.OK, nanos);

        // Then
        PhaseFunnel first = funnel.snapshot().phases().get(0);
        assertThat(List.of(first.paid(), first.confirmed(), first.unfinished())).containsExactly(1L, 0L, 1L);
    }
}
