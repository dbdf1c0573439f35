package store.traffictacos.capacity.simulations.run;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.setup.LocalTarget;
import store.traffictacos.capacity.net.RateLimitProbe;
import store.traffictacos.capacity.platform.PlatformSampler;
import store.traffictacos.capacity.platform.SamplingSchedule;
import store.traffictacos.capacity.platform.redis.RedisInfoSampler;
import store.traffictacos.capacity.platform.redis.RedisInfoSettings;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.report.ReportService;
import store.traffictacos.capacity.results.RateLimitProbeAnswer;
import store.traffictacos.capacity.results.ResultsRecorder;
import store.traffictacos.capacity.results.RunnerTransport;
import store.traffictacos.capacity.results.Snapshot;
import store.traffictacos.capacity.results.funnel.FunnelRecorder;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.runner.ClientAddressPool;
import store.traffictacos.capacity.runner.HttpVersion;
import store.traffictacos.capacity.runner.InFlightBudget;
import store.traffictacos.capacity.runner.StartInstant;
import store.traffictacos.capacity.runner.Transport;
import store.traffictacos.capacity.runner.TransportLimits;
import store.traffictacos.capacity.simulations.chains.Arrival;
import store.traffictacos.capacity.simulations.endpoints.Auth;
import store.traffictacos.capacity.simulations.endpoints.ClientHeader;
import store.traffictacos.capacity.simulations.endpoints.RateLimitHeaders;
import store.traffictacos.capacity.simulations.journey.JourneyBook;
import store.traffictacos.capacity.simulations.profiles.Injection;
import store.traffictacos.capacity.simulations.runtime.ConnectionCounter;
import store.traffictacos.capacity.simulations.runtime.DescriptorGauge;
import store.traffictacos.capacity.simulations.runtime.GatlingLogTap;
import store.traffictacos.capacity.simulations.runtime.InFlightLimit;
import store.traffictacos.capacity.simulations.runtime.SaturationWatch;
import store.traffictacos.capacity.simulations.runtime.StartGate;
import store.traffictacos.capacity.simulations.runtime.StepListener;
import store.traffictacos.capacity.simulations.runtime.StreamRefusals;

/**
 * One runner's lifecycle: prepared with its target (the embedded one unless a URL is given, checked
 * before any load), it lays out the warm-up and the measured journeys for Gatling, waits for the start
 * instant, records from the first measured request with live progress, and at the end (or when told to
 * stop) leaves its results ({@link ResultsOutput}).
 */
public final class CapacityRun {
    private static final Duration PLATFORM_PERIOD = Duration.ofSeconds(2);
    /** A controlled runner waits this long at most for the start instant (the controller's barrier is shorter). */
    private static final Duration START_SIGNAL_TIMEOUT = Duration.ofMinutes(30);
    /** Beside the results file: how the runner's journeys ended ({@link JourneyBook.Counts}). */
    public static final String JOURNEYS_FILE = ResultsOutput.JOURNEYS_FILE;

    private final RunSettings settings;
    private final LocalTarget target;
    private final JourneyBook journeys;
    /** The X-Forwarded-For addresses of this runner's journeys when the run spreads its identity. */
    private final ClientAddressPool addresses;
    /** What the journeys saw of the sale, for the invariant checks. */
    private final Ledger ledger;
    /** The waiting token of a status-only run ({@link Arrival#statusOnly}); null: the ticketing journey. */
    private final String statusToken;
    /** How far the journeys went (joined, admitted, held, paid, confirmed), per phase of their join. */
    private final FunnelRecorder funnel;

    private final LiveStats live = new LiveStats();
    private final CpuSampler cpu = new CpuSampler();
    private final DescriptorGauge descriptors = DescriptorGauge.ofThisJvm();
    /** Held from before the load, so that the results can still be written when the load used every other one. */
    private final DescriptorReserve reserve = DescriptorReserve.hold(DescriptorReserve.HELD);
    /** How many requests may be outstanding, and why (Little's law over the request timeout). */
    private final InFlightBudget budget;

    private final InFlightLimit limit;
    private final SaturationWatch watch;
    /** Counts from the warm-up on; per second once the measured load has started. */
    private final ConnectionCounter connections;

    private final StreamRefusals refusals = new StreamRefusals();
    /** Reads both from Gatling's log; null when the logging backend is not Logback. */
    private final GatlingLogTap logTap;
    /** Connections the warm-up opened (before the measured load). */
    private volatile long warmUpConnections;

    private final SamplingSchedule platform;
    private final PrintStream out = System.out;
    /** How long the warm-up lasts before the measured load: Gatling lays out its injection with it. */
    private final Duration untilStart;
    /** When the measured load begins; with a start signal, known only once it comes. */
    private volatile long startAtEpochMs;
    /** When Gatling is to start injecting: the warm-up begins here and lasts until the start instant. */
    private volatile long injectionStartEpochMs;

    private volatile ResultsRecorder recorder;
    private volatile Progress progress;
    private final AtomicBoolean finished = new AtomicBoolean();
    /** A runner told to stop (SIGTERM: an aborted run, a deleted pod) still leaves what it measured. */
    private final Thread stopped =
            new Thread(() -> finish("terminated before the end of its profile"), "tacos-runner-stopped");

    private CapacityRun(RunSettings settings, LocalTarget target, String statusToken) {
        this.settings = settings;
        this.target = target;
        this.statusToken = statusToken;
        this.addresses = settings.runner().clientAddresses(settings.runnerIndex());
        this.funnel = new FunnelRecorder(
                settings.plan().purchaseShare(),
                settings.fullProfile().phases().stream().map(Phase::name).toList(),
                settings.fullProfile().phases().stream().map(Phase::duration).toList());
        this.journeys = new JourneyBook(
                settings.plan(),
                settings.runnerIndex(),
                settings.runnerCount(),
                addresses::address,
                funnel,
                System::nanoTime);
        int givenStock = settings.runner().journeys().seatsPerEvent();
        this.ledger = settings.runner().invariants()
                ? new Ledger(givenStock > 0 ? givenStock : target.seatsPerEvent())
                : Ledger.off();
        this.platform = new SamplingSchedule(platformSamplers(settings, target), PLATFORM_PERIOD);
        // the embedded target holds the other end of every connection in this JVM
        this.budget = InFlightBudget.of(
                settings.runner(),
                settings.profile().peakRps(),
                TransportLimits.ofThisJvm(),
                target.embedded() ? 2 : 1);
        this.limit = new InFlightLimit(budget.limit());
        this.watch = new SaturationWatch(limit, cpu::last, out);
        this.connections = new ConnectionCounter(epochMs -> {
            ResultsRecorder current = recorder;
            if (current != null) {
                current.connectionOpened(epochMs);
            }
        });
        this.logTap = GatlingLogTap.install(connections, refusals);
        if (settings.startSignal() == null) {
            long earliest = System.currentTimeMillis() + RunSettings.STARTUP_ALLOWANCE.toMillis();
            this.startAtEpochMs = settings.startAtEpochMs();
            this.injectionStartEpochMs =
                    Math.max(earliest, startAtEpochMs - settings.warmUp().toMillis());
            this.untilStart = Duration.ofMillis(startAtEpochMs - injectionStartEpochMs);
        } else {
            this.untilStart = settings.warmUp();
        }
        Runtime.getRuntime().addShutdownHook(stopped);
    }

    /**
     * The run this JVM was asked for: settings from system properties and the environment. Bad
     * settings or an unreachable target end the JVM here, before any load, with one {@code error:} line
     * and exit code 1 ({@link RunnerExit#refuse}).
     */
    public static CapacityRun fromSystem() {
        Map<String, String> properties = SystemSettings.properties();
        try {
            return prepare(RunSettings.from(properties, System.getenv(), System.currentTimeMillis()));
        } catch (RuntimeException e) {
            if (RunnerExit.isRefusal(e)) {
                RunnerExit.refuse(e, properties, System.err);
            }
            throw e;
        }
    }

    /**
     * Starts (and warms, as long as the runner warms itself) the embedded target if no URL is given, and
     * checks the target before any load.
     */
    public static CapacityRun prepare(RunSettings settings) {
        String jwtSecret = settings.auth() instanceof Auth.Jwt jwt ? jwt.secret() : null;
        LocalTarget target =
                LocalTarget.open(settings.targetUrl(), jwtSecret, settings.warmUp(), settings.targetFaults());
        String statusToken;
        try {
            target.check(settings.runner().transport().sslContext());
            statusToken = StatusOnlyToken.resolve(settings.runner().workload(), target);
            if (settings.runnerIndex() == 0) {
                probeRateLimit(settings, target);
            }
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        return new CapacityRun(settings, target, statusToken);
    }

    /**
     * Asks the target whether its per-client limit follows X-Forwarded-For (one runner asks for the run:
     * the probe's own requests would otherwise meet those of the others), and says it. Spreading the
     * identity over client addresses cannot help a platform that ignores the header: such a run stops here.
     *
     * @throws IllegalStateException one line, when {@code client.ips} is set and the platform ignores the header
     */
    private static void probeRateLimit(RunSettings settings, LocalTarget target) {
        RateLimitProbe.Keying keying = RateLimitProbe.probe(
                target.url(),
                settings.runner().transport().sslContext(),
                settings.runner().journeys().userAgent());
        if (keying == RateLimitProbe.Keying.IGNORES_HEADER && settings.runner().clientIps() > 0) {
            throw new IllegalStateException("-Dclient.ips=" + settings.runner().clientIps()
                    + " cannot spread the load: the platform's per-client limit ignores X-Forwarded-For");
        }
        System.out.println("tacos-capacity: rate-limit probe: " + keying.describe());
        try {
            new RateLimitProbeAnswer(keying.name(), keying.describe())
                    .write(settings.folder().rateLimitProbeFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The longest the simulation may run: warm-up, profile and a margin for the last answers.
     * Bounds every run, even one whose injection went wrong.
     */
    public Duration maxDuration() {
        return untilStart.plus(settings.profile().totalDuration()).plus(Duration.ofSeconds(60));
    }

    public HttpProtocolBuilder protocol() {
        HttpProtocolBuilder protocol = RateLimitHeaders.readOnRejection(http.baseUrl(
                        target.url().toString())
                .userAgentHeader(settings.runner().journeys().userAgent())
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                // One pool for all virtual users: an open-model user per request must not open a connection each
                // (without it each user is a client of its own, with its own connections, HTTP/2 ones too).
                .shareConnections());
        if (addresses.spread()) {
            protocol = protocol.header("X-Forwarded-For", ClientHeader.forwardedFor(addresses));
        }
        // HTTP/2 through ALPN: up to the server's stream limit (128 on the ALB) of outstanding requests share a
        // connection, where HTTP/1.1 needs a connection per outstanding request.
        return transport().httpVersion() == HttpVersion.HTTP_2 ? protocol.enableHttp2() : protocol;
    }

    private Transport transport() {
        return settings.runner().transport();
    }

    /**
     * The warm-up and the measured journeys. Gatling's injection clock starts when it starts
     * injecting, so both are laid out relative to {@link #injectionStartEpochMs}, which
     * {@link #begin()} waits for.
     */
    public List<PopulationBuilder> populations() {
        // Measured users arrive up to StartGate.EARLY before the start instant and wait for it there.
        Duration early = untilStart.compareTo(StartGate.EARLY) < 0 ? untilStart : StartGate.EARLY;
        StartGate gate = new StartGate(() -> startAtEpochMs, System::currentTimeMillis);
        Arrival.Pacing pacing = new Arrival.Pacing(gate, limit, watch, descriptors, refusals);
        PopulationBuilder measured = scenario("journeys")
                .exec(
                        statusToken != null
                                ? Arrival.statusOnly(statusToken, transport().requestTimeout(), pacing, listener())
                                : Arrival.chain(
                                        journeys,
                                        settings.plan(),
                                        settings.auth(),
                                        transport().requestTimeout(),
                                        pacing,
                                        listener(),
                                        ledger))
                .injectOpen(Injection.measured(settings.profile(), untilStart.minus(early)));
        PopulationBuilder warmUp = scenario("warm-up")
                .exec(exec(http("warm-up")
                        .get("/api/v1/queue/status?token=warm-up")
                        .requestTimeout(transport().requestTimeout())
                        .check(status().in(200, 404))))
                .injectOpen(Injection.warmUp(settings.profile(), untilStart.minus(early)));
        return List.of(warmUp, measured);
    }

    private StepListener listener() {
        return new StepListener() {
            @Override
            public void sent(long sentEpochMs) {
                ResultsRecorder current = recorder;
                (current == null ? startRecording(sentEpochMs) : current).sent(sentEpochMs);
            }

            @Override
            public void answered(long sentEpochMs, String endpoint, String outcome, long latencyMicros) {
                recorder.record(sentEpochMs, endpoint, outcome, latencyMicros);
                live.answered(outcome, latencyMicros);
            }
        };
    }

    /**
     * What runner 0 samples beside the load (one runner is enough, and one file per run): the
     * embedded target's JVM and its own /metrics, and the platform's Redis when {@code -Dplatform.redis}
     * names it.
     */
    private static List<PlatformSampler> platformSamplers(RunSettings settings, LocalTarget target) {
        List<PlatformSampler> samplers = new ArrayList<>();
        if (settings.runnerIndex() == 0) {
            samplers.addAll(target.samplers());
        }
        if (settings.runnerIndex() == 0 && settings.runner().platformRedis() != null) {
            samplers.add(
                    new RedisInfoSampler(RedisInfoSettings.of(settings.runner().platformRedis())));
        }
        return samplers;
    }

    /**
     * Waits for the planned injection start, so the measured load begins at the start instant. A
     * controlled runner first says it is ready and waits for the start instant to be given.
     */
    public void begin() {
        out.printf(
                "tacos-capacity: %s; requests time out after %d ms over %s%n",
                budget.reasoning(),
                transport().requestTimeout().toMillis(),
                transport().httpVersion());
        if (statusToken != null) {
            out.println("tacos-capacity: journey=status-only: every arrival sends only GET /api/v1/queue/status, "
                    + "to measure the generator (no journey is created)");
        }
        platform.start();
        if (settings.startSignal() != null) {
            out.println(StartInstant.READY + ": runner " + settings.runnerIndex() + " of " + settings.runnerCount()
                    + ", waiting for the start instant");
            out.flush();
            try {
                startAtEpochMs =
                        settings.startSignal().await(START_SIGNAL_TIMEOUT).toEpochMilli();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the start instant", e);
            }
            injectionStartEpochMs = startAtEpochMs - untilStart.toMillis();
        }
        long waitMs = injectionStartEpochMs - System.currentTimeMillis();
        if (waitMs > 0) {
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the start instant", e);
            }
        }
    }

    /**
     * Called by the first measured request. Gatling starts injecting a little after
     * {@link #begin()} returns, and lays out every phase from that real moment, so the measured
     * start (the results file's second 0) is the first measured request, not the planned instant.
     */
    private synchronized ResultsRecorder startRecording(long firstSentEpochMs) {
        if (recorder != null) {
            return recorder;
        }
        ResultsRecorder started = new ResultsRecorder(firstSentEpochMs);
        // the funnel's phases begin with the recorder's second 0, before any journey joins
        funnel.start(System.nanoTime());
        progress = new Progress(
                settings.profile(),
                firstSentEpochMs,
                live,
                journeys,
                out,
                settings.runner().controlled() ? settings.runnerIndex() : null);
        recorder = started;
        cpu.start(started, limit::inFlight, descriptors);
        warmUpConnections = connections.total();
        watch.start();
        out.printf(
                "tacos-capacity: run %s, runner %d of %d, profile %s (%d s) against %s%s; measured load started %d ms "
                        + "after the planned instant%n",
                settings.runId(),
                settings.runnerIndex() + 1,
                settings.runnerCount(),
                settings.profile().name(),
                settings.profile().totalDuration().toSeconds(),
                Uris.redact(target.url()),
                target.embedded() ? " (embedded target)" : "",
                firstSentEpochMs - startAtEpochMs);
        progress.start();
        return started;
    }

    /** Leaves the results (see {@link ResultsOutput}); always stops the embedded target. */
    public void finish() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopped);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it finds the run finished.
        }
        finish(watch.saturated());
    }

    /** @param stoppedEarly why the run ends before its profile does; null at its planned end */
    private void finish(String stoppedEarly) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        cpu.close();
        watch.close();
        if (logTap != null) {
            logTap.uninstall();
        }
        platform.close();
        if (progress != null) {
            progress.close();
        }
        reserve.close();
        try {
            // a run stopped before its first measured request still leaves an (empty) results file
            ResultsRecorder recorded = recorder == null ? new ResultsRecorder(startAtEpochMs) : recorder;
            Snapshot snapshot = recorded.snapshot();
            ReportService.Written report = new ResultsOutput(settings, target.url(), target.embedded(), out)
                    .write(
                            snapshot,
                            new RunnerTransport(
                                    transport().httpVersion().key(),
                                    transport().requestTimeout().toMillis(),
                                    budget.limit(),
                                    budget.reasoning(),
                                    recorder == null ? connections.total() : warmUpConnections),
                            journeys.counts(),
                            ledger.keeping() ? ledger.data() : null,
                            funnel.snapshot(),
                            platform,
                            stoppedEarly(stoppedEarly, snapshot));
            if (report != null && settings.runner().failBuild()) {
                RunnerExit.failBuildUnlessPassed(report, System.err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results file: " + e.getMessage(), e);
        } finally {
            target.close();
        }
    }

    private String stoppedEarly(String reason, Snapshot snapshot) {
        if (reason == null) {
            return null;
        }
        long second = Math.max(0, (System.currentTimeMillis() - snapshot.startEpochMs()) / 1000);
        return reason + ", at second " + second + " of "
                + settings.profile().totalDuration().toSeconds();
    }
}
