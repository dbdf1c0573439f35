package store.traffictacos.capacity.simulations.runtime;

import io.netty.channel.EventLoop;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Watches the runner for its own overload, which must never pass for the platform's: how late its event
 * loops run what they are given (a loop that is behind sends every request late, whatever the platform
 * does), its CPU, and arrivals shed at the in-flight bound. It warns on the console, and when the loops stay
 * far behind for long it asks the run to stop with "generator saturated": past that, what the run measures
 * is the runner. It never sheds load itself: the open model stays open.
 */
public final class SaturationWatch implements AutoCloseable {
    /** How often each event loop is probed: a task scheduled this far ahead, timed when it runs. */
    static final long PROBE_EVERY_MS = 100;
    /** A loop this late in a second is worth a warning: requests leave that much after their slot. */
    public static final long WARN_LAG_MS = 100;
    /** Loops this late ... */
    public static final long ABORT_LAG_MS = 1_000;
    /** ... for this many seconds in a row: the run stops as "generator saturated". */
    public static final int ABORT_SECONDS = 10;
    /** Warnings are printed at most this often. */
    static final long WARN_EVERY_MS = 5_000;

    private final List<EventLoop> loops = new CopyOnWriteArrayList<>();
    /** The worst lag any probe saw since the last check, in ms. */
    private final AtomicLong worstLagMs = new AtomicLong();

    private final InFlightLimit limit;
    private final DoubleSupplier cpu;
    private final PrintStream out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tacos-saturation-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadLocal<Boolean> probed = ThreadLocal.withInitial(() -> false);

    private volatile String saturated;
    private volatile boolean closed;
    private int laggingSeconds;
    private long lastShed;
    private long lastWarningMs;

    /**
     * @param limit the runner's in-flight bound, whose shed arrivals are reported
     * @param cpu this JVM's CPU share (0..1), as last read; negative when unknown
     */
    public SaturationWatch(InFlightLimit limit, DoubleSupplier cpu, PrintStream out) {
        this.limit = limit;
        this.cpu = cpu;
        this.out = out;
    }

    /** Checks once a second from now on. */
    public void start() {
        timer.scheduleAtFixedRate(this::check, 1, 1, TimeUnit.SECONDS);
    }

    /** Called on an event loop with a user on it: the loop is probed from then on (once per loop). */
    public void onLoop(EventLoop loop) {
        if (probed.get()) {
            return;
        }
        probed.set(true);
        loops.add(loop);
        probe(loop);
    }

    private void probe(EventLoop loop) {
        if (closed || loop.isShuttingDown()) {
            return;
        }
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_EVERY_MS);
        loop.schedule(
                () -> {
                    long lateMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due);
                    worstLagMs.accumulateAndGet(Math.max(0, lateMs), Math::max);
                    probe(loop);
                },
                PROBE_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Why the runner must stop, once its loops have been far behind for {@value #ABORT_SECONDS} s; else null. */
    public String saturated() {
        return saturated;
    }

    /** The check of one second: warnings, and the stop once the loops stay far behind. */
    void check() {
        long lagMs = worstLagMs.getAndSet(0);
        double busy = cpu.getAsDouble();
        laggingSeconds = lagMs >= ABORT_LAG_MS ? laggingSeconds + 1 : 0;
        if (laggingSeconds >= ABORT_SECONDS && saturated == null) {
            saturated = String.format(
                    Locale.ROOT,
                    "generator saturated: its event loops ran %,d ms or more late for %d s%s",
                    ABORT_LAG_MS,
                    ABORT_SECONDS,
                    cpuText(busy));
            out.println("tacos-capacity: " + saturated + "; stopping the run (what it would measure now is the "
                    + "runner, not the platform)");
            return;
        }
        long now = System.currentTimeMillis();
        long shed = limit.shed();
        boolean warn = lagMs >= WARN_LAG_MS || shed > lastShed;
        if (warn && now - lastWarningMs >= WARN_EVERY_MS) {
            lastWarningMs = now;
            StringBuilder line = new StringBuilder("tacos-capacity: generator warning:");
            if (lagMs >= WARN_LAG_MS) {
                line.append(String.format(
                        Locale.ROOT, " event loops %,d ms late (requests leave late)%s;", lagMs, cpuText(busy)));
            }
            if (shed > lastShed) {
                line.append(String.format(
                        Locale.ROOT,
                        " %,d arrivals sent nothing: %,d requests in flight, the in-flight bound;",
                        shed - lastShed,
                        limit.max()));
                lastShed = shed;
            }
            line.setLength(line.length() - 1);
            out.println(line + " (these seconds are the generator's, not the platform's)");
        }
    }

    private static String cpuText(double busy) {
        return busy < 0 ? "" : String.format(Locale.ROOT, ", CPU %.0f %%", busy * 100);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
