package store.traffictacos.capacity.emulator;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import store.traffictacos.capacity.emulator.netty.SelfSignedCertificate;
import store.traffictacos.capacity.emulator.operations.OperationsApi;
import store.traffictacos.capacity.emulator.payment.PaymentApi;
import store.traffictacos.capacity.emulator.payment.PaymentSimulator;
import store.traffictacos.capacity.emulator.payment.WebhookSender;
import store.traffictacos.capacity.emulator.queue.AdmissionPolicy;
import store.traffictacos.capacity.emulator.queue.QueueApi;
import store.traffictacos.capacity.emulator.reservation.ReservationApi;
import store.traffictacos.capacity.emulator.reservation.ReservationFaults;
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
    static final String TRUST_STORE_FILE = "truststore.p12";
    static final String CERTIFICATE_FILE = "certificate.pem";

    private final TargetConfig config;
    private final NettyServer server;
    private final Stores stores;
    private final List<ExecutorService> executors;
    /** Where a self-signed certificate's files are (deleted on close); null without one. */
    private final Path tlsFiles;

    private ReferenceTarget(
            TargetConfig config, NettyServer server, Stores stores, List<ExecutorService> executors, Path tlsFiles) {
        this.config = config;
        this.server = server;
        this.stores = stores;
        this.executors = executors;
        this.tlsFiles = tlsFiles;
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
        Path tlsFiles = null;
        try {
            SslContext tls = null;
            if (config.tls() != null && config.tls().isSelfSigned()) {
                SelfSignedCertificate certificate = SelfSignedCertificate.forHost(config.host());
                tlsFiles = Files.createTempDirectory("tacos-target-tls");
                certificate.writeTrustStore(tlsFiles.resolve(TRUST_STORE_FILE));
                certificate.writeCertificate(tlsFiles.resolve(CERTIFICATE_FILE));
                tls = NettyServer.tls(certificate.certificate(), certificate.privateKey());
            } else if (config.tls() != null) {
                tls = NettyServer.tls(config.tls().certificate(), config.tls().privateKey());
            }
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
            routes.addAll(new QueueApi(
                            state.waitingRoom(),
                            settings.admission(),
                            clock,
                            config.faults().contains(Fault.DOUBLE_ADMIT))
                    .routes());
            routes.addAll(new ReservationApi(
                            state.reservations(),
                            payments,
                            clock,
                            new ReservationFaults(
                                    config.faults().contains(Fault.OVERSELL),
                                    config.faults().contains(Fault.CONFIRM_UNPAID),
                                    config.faults().contains(Fault.LATE_CONFIRM)))
                    .routes());
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
                    handlers,
                    tls);
            return new ReferenceTarget(config, server, stores, executors, tlsFiles);
        } catch (IllegalArgumentException e) { // the certificate or key cannot be used
            executors.forEach(ExecutorService::shutdownNow);
            stores.close();
            deleteTlsFiles(tlsFiles);
            throw e;
        } catch (Exception e) { // includes the undeclared BindException
            executors.forEach(ExecutorService::shutdownNow);
            stores.close();
            deleteTlsFiles(tlsFiles);
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
        return URI.create((config.tls() == null ? "http" : "https") + "://" + config.host() + ":" + port());
    }

    /**
     * With a self-signed certificate, a PKCS12 trust store holding it (password
     * {@value SelfSignedCertificate#TRUST_STORE_PASSWORD}), for runners' {@code -Dtls.trust.store}; else null.
     */
    public Path trustStore() {
        return tlsFiles == null ? null : tlsFiles.resolve(TRUST_STORE_FILE);
    }

    /** With a self-signed certificate, the certificate as PEM (curl --cacert, nginx); else null. */
    public Path certificateFile() {
        return tlsFiles == null ? null : tlsFiles.resolve(CERTIFICATE_FILE);
    }

    private static void deleteTlsFiles(Path dir) {
        if (dir == null) {
            return;
        }
        for (String name : List.of(TRUST_STORE_FILE, CERTIFICATE_FILE, "")) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    public TargetConfig config() {
        return config;
    }

    @Override
    public void close() {
        server.close();
        executors.forEach(ExecutorService::shutdownNow);
        stores.close();
        deleteTlsFiles(tlsFiles);
    }
}
