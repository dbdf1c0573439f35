package store.traffictacos.capacity.simulations.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.results.funnel.FunnelRecorder;

@DisplayName("Journey book")
class JourneyBookTest {
    private final AtomicLong nanos = new AtomicLong();
    private final JourneyPlan allPurchase =
            new JourneyPlan(100, 1.0, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 1, 1_000);

    private JourneyBook book(JourneyPlan plan) {
        return new JourneyBook(plan, 0, 1, nanos::get);
    }

    @Test
    @DisplayName("with nothing due an arrival starts a new journey with a join")
    void nothingDueJoins() {
        // When
        Work work = book(allPurchase).next();

        // Then
        assertThat(work.step()).isEqualTo(Step.JOIN);
        assertThat(work.journey().eventId()).matches("evt_([1-9][0-9]?|100)");
    }

    @Test
    @DisplayName("each new journey takes the client address of its number, and keeps it for its next steps")
    void clientAddressPerJourney() {
        // Given a book whose n-th journey's address is "a<n>"
        JourneyBook book = new JourneyBook(allPurchase, 0, 1, n -> "a" + n, FunnelRecorder.none(), nanos::get);

        // When two journeys start and the first one's poll comes due
        Work first = book.next();
        Work second = book.next();
        book.after(first, Outcome.OK);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        Work poll = book.next();

        // Then
        assertThat(first.journey().clientAddress()).isEqualTo("a0");
        assertThat(second.journey().clientAddress()).isEqualTo("a1");
        assertThat(poll.journey().clientAddress()).isEqualTo("a0");
    }

    @Test
    @DisplayName("a status poll is due only after the poll interval")
    void pollWaitsItsInterval() {
        // Given a journey that joined
        JourneyBook book = book(allPurchase);
        Work join = book.next();
        book.after(join, Outcome.OK);

        // Then before 2 s a new journey starts, after 2 s the poll is due
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(book.next().step()).isEqualTo(Step.JOIN);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        Work poll = book.next();
        assertThat(poll.step()).isEqualTo(Step.STATUS);
        assertThat(poll.journey()).isSameAs(join.journey());
    }

    @Test
    @DisplayName("a purchasing journey goes join, status, enter, hold, intent, process, confirm and completes")
    void fullJourney() {
        // Given
        JourneyBook book = book(allPurchase);
        Work work = book.next();

        // When every step succeeds (status says ready) and time passes
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            steps.append(work.step()).append(' ');
            book.after(work, work.step() == Step.STATUS ? Outcome.READY : Outcome.OK);
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            work = book.next();
        }

        // Then
        assertThat(steps.toString().strip()).isEqualTo("JOIN STATUS ENTER HOLD PAYMENT_INTENT PAYMENT_PROCESS CONFIRM");
        assertThat(book.counts().completed()).isEqualTo(1);
    }

    @Test
    @DisplayName("a probing journey enters again after its grant and confirms before paying, then buys as usual")
    void probingJourney() {
        // Given every journey probes
        JourneyBook book = book(new JourneyPlan(
                100, 1.0, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 1, 1_000, 1.0));
        Work work = book.next();

        // When every step succeeds
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            steps.append(work.step()).append(' ');
            book.after(work, work.step() == Step.STATUS ? Outcome.READY : Outcome.OK);
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            work = book.next();
        }

        // Then
        assertThat(steps.toString().strip())
                .isEqualTo("JOIN STATUS ENTER PROBE_ENTER HOLD PROBE_CONFIRM PAYMENT_INTENT PAYMENT_PROCESS CONFIRM");
        assertThat(book.counts().completed()).isEqualTo(1);
    }

    @Test
    @DisplayName("a probe that fails (an error, a timeout) does not fail its journey")
    void failedProbeDoesNotFailTheJourney() {
        // Given a probing journey at its probe enter
        JourneyBook book =
                book(new JourneyPlan(100, 1.0, Duration.ZERO, Duration.ZERO, 3, Duration.ofMinutes(5), 1, 1_000, 1.0));
        book.after(book.next(), Outcome.OK);
        book.after(book.next(), Outcome.READY);
        book.after(book.next(), Outcome.OK);
        Work probe = book.next();

        // When
        book.after(probe, Outcome.FAILED);

        // Then
        assertThat(probe.step()).isEqualTo(Step.PROBE_ENTER);
        assertThat(book.next().step()).isEqualTo(Step.HOLD);
        assertThat(book.counts().failed()).isZero();
    }

    @Test
    @DisplayName("a journey that is still not ready after its last poll leaves and counts as abandoned")
    void boundedPolls() {
        // Given at most 3 polls
        JourneyBook book = book(allPurchase);
        Work work = book.next();
        book.after(work, Outcome.OK);

        // When three polls answer 'not ready'
        for (int poll = 0; poll < 3; poll++) {
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            work = book.next();
            assertThat(work.step()).isEqualTo(Step.STATUS);
            book.after(work, Outcome.OK);
        }

        // Then the journey leaves
        Work leave = book.next();
        assertThat(leave.step()).isEqualTo(Step.LEAVE);
        book.after(leave, Outcome.OK);
        assertThat(book.counts().abandoned()).isEqualTo(1);
    }

    @Test
    @DisplayName("403 NOT_READY at enter sends the journey back to polling, not to failure")
    void notReadyPollsAgain() {
        // Given a journey at enter
        JourneyBook book = book(allPurchase);
        Work work = book.next();
        book.after(work, Outcome.OK);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        book.after(book.next(), Outcome.READY);
        Work enter = book.next();

        // When
        book.after(enter, Outcome.NOT_READY);

        // Then
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(book.next().step()).isEqualTo(Step.STATUS);
        assertThat(book.counts().failed()).isZero();
    }

    @Test
    @DisplayName("runners 0..2 of 3 never hand out the same user id")
    void userIdsAreDisjoint() {
        // Given
        Set<String> seen = new HashSet<>();
        int issued = 0;

        // When each runner starts 5,000 journeys
        for (int runner = 0; runner < 3; runner++) {
            JourneyBook book = new JourneyBook(allPurchase, runner, 3, nanos::get);
            for (int i = 0; i < 5_000; i++) {
                seen.add(book.next().journey().userId());
                issued++;
            }
        }

        // Then
        assertThat(seen).hasSize(issued);
    }

    @Test
    @DisplayName("with a purchase share of 0 journeys complete right after enter")
    void stopAfterEnter() {
        // Given
        JourneyBook book = book(new JourneyPlan(1, 0.0, Duration.ZERO, Duration.ZERO, 3, Duration.ofMinutes(5), 1, 1));
        book.after(book.next(), Outcome.OK);
        book.after(book.next(), Outcome.READY);

        // When
        Work enter = book.next();
        book.after(enter, Outcome.OK);

        // Then
        assertThat(enter.step()).isEqualTo(Step.ENTER);
        assertThat(book.counts().completed()).isEqualTo(1);
        assertThat(book.next().step()).isEqualTo(Step.JOIN);
    }
}
