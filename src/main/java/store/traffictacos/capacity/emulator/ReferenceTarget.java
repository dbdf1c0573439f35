package store.traffictacos.capacity.emulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import store.traffictacos.capacity.emulator.guard.IdempotencyGuard;
import store.traffictacos.capacity.emulator.guard.JwtAuthenticator;
import store.traffictacos.capacity.emulator.guard.RateLimiter;
import store.traffictacos.capacity.emulator.http.CapacityModel;
import store.traffictacos.capacity.emulator.http.Gateway;
import store.traffictacos.capacity.emulator.http.Route;
import store.traffictacos.capacity.emulator.http.Router;
import store.traffictacos.capacity.emulator.metrics.TargetMetrics;
import store.traffictacos.capacity.emulator.netty.NettyServer;
import store.traffictacos.capacity.emulator.operations.OperationsApi;
import store.traffictacos.capacity.emulator.payment.PaymentApi;
import store.traffictacos.capacity.emulator.payment.PaymentSimulator;
import store.traffictacos.capacity.emulator.payment.WebhookSender;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.queue.QueueApi;
import store.traffictacos.capacity.emulator.reservation.ReservationApi;
import store.traffictacos.capacity.emulator.reservation.SeatMap;
import store.traffictacos.capacity.emulator.store.StateStores;
import store.traffictacos.capacity.emulator.store.StoreSettings;
import store.traffictacos.capacity.emulator.store.Stores;
import store.traffictacos.capacity.emulator.store.memory.InMemoryStores;
import store.traffictacos.capacity.emulator.store.redis.RedisStores;

/**
 * The embedded Traffic Tacos emulator: start it in-process (tests, simulations) or from the CLI.
 * Closing it stops the server and releases every thread and connection it made.
 */
public final class ReferenceTarget implements AutoCloseable {
    private final TargetConfig config;
    private final NettyServer server;
    private final Stores stores;
    private final List<ExecutorService> executors;

    private ReferenceTarget(TargetConfig config, NettyServer server, Stores stores, List<ExecutorService> executors) {
        this.config = config;
        this.server = server;
        this.stores = stores;
        this.executors = executors;
    }

    public static ReferenceTarget start(TargetConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with {@code clock} driving every rule that depends on time (waits, holds, expiry). */
    public static ReferenceTarget start(TargetConfig config, Clock clock) {
        StoreSettings settings =
                new StoreSettings(AdmissionPolicy.contract(), config.rateLimit(), new SeatMap(config.seatsPerEvent()));
        Stores stores = openStores(config, settings);
        List<ExecutorService> executors = new ArrayList<>();
        try {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("tacos-payments"));
            executors.add(scheduler);
            ExecutorService handlers = null;
            if (stores.blocking()) {
                handlers = Executors.newFixedThreadPool(config.handlerThreads(), daemon("tacos-handler"));
                executors.add(handlers);
            }
            CapacityModel capacity = new CapacityModel(
                    config.capacityRps(), Math.round(config.serviceTimeMs() * 1_000_000), config.queueLimit());
            StateStores state = stores.state();
            TargetMetrics metrics = new TargetMetrics(
                    state.waitingRoom()::waitingByEvent,
                    () -> state.reservations().seatCounts(clock.millis()),
                    () -> capacity.queued(System.nanoTime()));
            PaymentSimulator payments = new PaymentSimulator(
                    state.payments(),
                    config.paymentDelay(),
                    clock,
                    scheduler,
                    new WebhookSender(config.webhookSecret()));
            List<Route> routes = new ArrayList<>();
            routes.addAll(new OperationsApi(stores, metrics, clock).routes());
            routes.addAll(new QueueApi(state.waitingRoom(), settings.admission(), clock).routes());
            routes.addAll(new ReservationApi(state.reservations(), payments, clock).routes());
            routes.addAll(new PaymentApi(payments).routes());
            Gateway gateway = new Gateway(
                    new RateLimiter(config.rateLimit(), state.rateLimits()),
                    new JwtAuthenticator(config.jwtSecret(), clock),
                    new IdempotencyGuard(state.idempotency()),
                    clock);
            NettyServer server = NettyServer.start(
                    new InetSocketAddress(config.host(), config.port()),
                    config.ioThreads(),
                    config.maxBodyBytes(),
                    new Router(routes),
                    gateway,
                    capacity,
                    metrics,
                    handlers);
            return new ReferenceTarget(config, server, stores, executors);
        } catch (Exception e) { // includes the undeclared BindException
            executors.forEach(ExecutorService::shutdownNow);
            stores.close();
            throw new IllegalStateException(
                    "cannot listen on " + config.host() + ":" + config.port() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
    }

    private static Stores openStores(TargetConfig config, StoreSettings settings) {
        if (config.redisUri() == null) {
            return new InMemoryStores(settings);
        }
        return RedisStores.connect(config.redisUri(), settings);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public int port() {
        return server.port();
    }

    public URI baseUrl() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    public TargetConfig config() {
        return config;
    }

    @Override
    public void close() {
        server.close();
        executors.forEach(ExecutorService::shutdownNow);
        stores.close();
    }
}
