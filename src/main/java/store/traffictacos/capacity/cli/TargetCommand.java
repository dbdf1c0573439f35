package store.traffictacos.capacity.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.emulator.Fault;
import store.traffictacos.capacity.emulator.ReferenceTarget;
import store.traffictacos.capacity.emulator.TargetConfig;
import store.traffictacos.capacity.emulator.TargetTls;
import store.traffictacos.capacity.emulator.guard.RateLimit;
import store.traffictacos.capacity.emulator.netty.SelfSignedCertificate;

/** {@code tacos-capacity target}: runs the reference target until interrupted. */
@Command(
        name = "target",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run the embedded Traffic Tacos reference target (an emulator of the platform's API) "
                + "until stopped with Ctrl+C or SIGTERM.")
final class TargetCommand implements Callable<Integer> {
    private static final TargetConfig DEFAULTS = TargetConfig.defaults();

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = DEFAULTS.host();

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = DEFAULTS.port();

    @Option(
            names = "--capacity-rps",
            description = "API requests per second the target serves; beyond it "
                    + "requests queue, then get 503. 0 = no limit (default: ${DEFAULT-VALUE}).")
    double capacityRps = DEFAULTS.capacityRps();

    @Option(
            names = "--service-time-ms",
            description = "Fixed delay added to every API request " + "(default: ${DEFAULT-VALUE}).")
    double serviceTimeMs = DEFAULTS.serviceTimeMs();

    @Option(
            names = "--queue-limit",
            description = "Requests that may wait for capacity before 503 " + "(default: ${DEFAULT-VALUE}).")
    int queueLimit = DEFAULTS.queueLimit();

    @Option(
            names = "--rate-limit-rps",
            description =
                    "Per-client-IP token refill per second; 0 disables " + "rate limiting (default: ${DEFAULT-VALUE}).")
    long rateLimitRps = DEFAULTS.rateLimit().tokensPerSecond();

    @Option(names = "--rate-limit-burst", description = "Per-client-IP bucket size (default: ${DEFAULT-VALUE}).")
    long rateLimitBurst = DEFAULTS.rateLimit().burst();

    @Option(
            names = "--rate-limit-by-peer",
            description = "Key the rate limit on the peer address alone, ignoring X-Forwarded-For and X-Real-IP, as a "
                    + "platform behind no trusted proxy does (default: the gateway's keying).")
    boolean rateLimitByPeer;

    @Option(
            names = "--jwt-secret",
            description =
                    "HS256 secret for bearer tokens (default: env TACOS_JWT_SECRET, " + "else a development secret).")
    String jwtSecret = System.getenv().getOrDefault("TACOS_JWT_SECRET", DEFAULTS.jwtSecret());

    @Option(
            names = "--payment-delay-ms",
            description = "Time after which a payment intent completes " + "(default: ${DEFAULT-VALUE}).")
    long paymentDelayMs = DEFAULTS.paymentDelay().toMillis();

    @Option(
            names = "--webhook-secret",
            description = "HMAC-SHA256 secret for payment webhooks "
                    + "(default: env TACOS_WEBHOOK_SECRET, else a development secret).")
    String webhookSecret = System.getenv().getOrDefault("TACOS_WEBHOOK_SECRET", DEFAULTS.webhookSecret());

    @Option(
            names = "--seats-per-event",
            description = "Seats S1..SN in every event's inventory " + "(default: ${DEFAULT-VALUE}).")
    int seatsPerEvent = DEFAULTS.seatsPerEvent();

    @Option(
            names = "--redis",
            paramLabel = "URI",
            description = "Keep state in Redis (redis://host:port[/db]) " + "instead of in memory.")
    String redis;

    @Option(
            names = "--max-body-bytes",
            description = "Largest request body; larger ones get 413 " + "(default: ${DEFAULT-VALUE}).")
    int maxBodyBytes = DEFAULTS.maxBodyBytes();

    @Option(names = "--io-threads", description = "Network threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int ioThreads = DEFAULTS.ioThreads();

    @Option(
            names = "--tls",
            description = "Serve HTTPS, offering HTTP/2 and HTTP/1.1 through ALPN, with a self-signed certificate made "
                    + "at start (its trust store is printed, for runners' -Dtls.trust.store) unless --tls-cert and "
                    + "--tls-key are given.")
    boolean tls;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "The certificate chain to serve HTTPS with (implies --tls).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Its PKCS#8 private key (implies --tls).")
    Path tlsKey;

    @Option(
            names = "--fault",
            split = ",",
            paramLabel = "FAULT",
            description = "Answer with a defect, to prove the run's invariant checks: oversell, double-admit, "
                    + "confirm-unpaid, late-confirm (repeatable).")
    List<String> faults = List.of();

    @Override
    public Integer call() throws InterruptedException {
        URI redisUri = redis == null ? null : redisOption(redis);
        TargetConfig config = new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                new RateLimit(rateLimitRps, rateLimitBurst, !rateLimitByPeer),
                jwtSecret,
                Duration.ofMillis(paymentDelayMs),
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                DEFAULTS.handlerThreads(),
                tls || tlsCert != null || tlsKey != null ? new TargetTls(tlsCert, tlsKey) : null,
                faultsOption(faults));
        ReferenceTarget target = ReferenceTarget.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            target.close();
                            stopped.countDown();
                        },
                        "tacos-target-shutdown"));
        System.out.printf(
                "reference target listening on %s (store: %s, capacity: %s)%n",
                target.baseUrl(),
                redisUri == null ? "memory" : "redis " + redisUri.getHost() + ":" + redisUri.getPort(),
                capacityRps == 0
                        ? "unlimited"
                        : capacityRps + " req/s, service time " + serviceTimeMs + " ms, queue " + queueLimit);
        if (!config.faults().isEmpty()) {
            System.out.printf(
                    "faults: %s (the contract is broken on purpose)%n",
                    config.faults().stream().map(Fault::key).sorted().collect(Collectors.joining(", ")));
        }
        if (config.tls() != null) {
            System.out.printf(
                    "HTTPS with HTTP/2 (at most %d streams per connection) and HTTP/1.1 through ALPN%s%n",
                    TargetTls.MAX_CONCURRENT_STREAMS,
                    target.trustStore() == null
                            ? ""
                            : "; self-signed certificate " + target.certificateFile() + ", trust store for runners: "
                                    + "-Dtls.trust.store=" + target.trustStore() + " -Dtls.trust.password="
                                    + SelfSignedCertificate.TRUST_STORE_PASSWORD);
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static Set<Fault> faultsOption(List<String> given) {
        try {
            return Fault.parse(String.join(",", given));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fault: " + e.getMessage(), e);
        }
    }

    private static URI redisOption(String given) {
        try {
            return Uris.redis(given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--redis: " + e.getMessage(), e);
        }
    }
}
