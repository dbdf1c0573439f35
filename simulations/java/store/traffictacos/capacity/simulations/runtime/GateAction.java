package store.traffictacos.capacity.simulations.runtime;

import com.typesafe.scalalogging.Logger;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.structure.ScenarioContext;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The {@link StartGate}'s wait as a Gatling action, for every measured user. Gatling's own
 * {@code pause} schedules one timer per user on its event loop: a task allocated, pushed into and
 * popped from the loop's timer heap, and a wake-up of the loop at that user's own nanosecond.
 * Here the users an event loop holds wait in one FIFO (they all wait the same delay, so arrival
 * order is release order), released by one timer per millisecond at most: each user's release
 * time is rounded up to the next whole millisecond of {@link System#nanoTime()}, so a user sends
 * less than 1 ms later than its exact slot and the loop wakes once for all users due in that
 * millisecond. With no delay (the gate fixed at 0) a user goes straight on.
 *
 * <p>The Java DSL has no way to write an action, so this implements Gatling's Scala {@code Action}
 * (io.gatling.core): it is tied to Gatling's internals (3.15, pinned in the pom); the end-to-end
 * runs (start skew, exact shares) catch a change there.
 */
public final class GateAction implements io.gatling.javaapi.core.ActionBuilder {
    private static final long GRID_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final StartGate gate;
    private final SaturationWatch watch;

    /** @param watch told of every event loop a measured user runs on, to probe how late it runs */
    public GateAction(StartGate gate, SaturationWatch watch) {
        this.gate = gate;
        this.watch = watch;
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return new io.gatling.core.action.builder.ActionBuilder() {
            @Override
            public Action build(ScenarioContext ctx, Action next) {
                return new Gate(gate, watch, next);
            }
        };
    }

    private static final class Gate implements Action {
        private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(GateAction.class));

        private final StartGate gate;
        private final SaturationWatch watch;
        private final Action next;
        /** One queue per event loop thread: only that thread touches it. */
        private final ThreadLocal<Waiting> waiting = ThreadLocal.withInitial(Waiting::new);

        Gate(StartGate gate, SaturationWatch watch, Action next) {
            this.gate = gate;
            this.watch = watch;
            this.next = next;
        }

        @Override
        public String name() {
            return "start-gate";
        }

        @Override
        public Logger logger() {
            return LOGGER;
        }

        @Override
        public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {
            // the logger is static
        }

        @Override
        public void execute(Session session) {
            // A user's actions run on its own event loop; the queue of that loop is only touched there.
            EventLoop loop = session.eventLoop();
            if (!loop.inEventLoop()) {
                loop.execute(() -> execute(session));
                return;
            }
            watch.onLoop(loop);
            long delayMs = gate.delayMs();
            if (delayMs == 0) {
                next.$bang(session);
                return;
            }
            long release = Math.floorDiv(
                            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs) + GRID_NANOS - 1, GRID_NANOS)
                    * GRID_NANOS;
            waiting.get().add(session, release);
        }

        private final class Waiting {
            private final ArrayDeque<Session> sessions = new ArrayDeque<>();
            private final ArrayDeque<long[]> releases = new ArrayDeque<>();
            private boolean armed;

            void add(Session session, long releaseNanos) {
                long[] last = releases.peekLast();
                if (last != null && last[0] == releaseNanos) {
                    last[1]++;
                } else {
                    releases.addLast(new long[] {releaseNanos, 1});
                }
                sessions.addLast(session);
                if (!armed) {
                    armed = true;
                    schedule(session, releaseNanos);
                }
            }

            private void schedule(Session session, long releaseNanos) {
                session.eventLoop()
                        .schedule(
                                () -> release(session),
                                Math.max(0, releaseNanos - System.nanoTime()),
                                TimeUnit.NANOSECONDS);
            }

            private void release(Session any) {
                long now = System.nanoTime();
                while (!releases.isEmpty() && releases.peekFirst()[0] - now <= 0) {
                    long count = releases.pollFirst()[1];
                    for (long i = 0; i < count; i++) {
                        next.$bang(sessions.pollFirst());
                    }
                }
                if (releases.isEmpty()) {
                    armed = false;
                } else {
                    schedule(any, releases.peekFirst()[0]);
                }
            }
        }
    }
}
