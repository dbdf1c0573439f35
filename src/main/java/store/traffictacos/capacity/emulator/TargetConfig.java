package store.traffictacos.capacity.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.emulator.guard.RateLimit;

/**
 * Everything the reference target is started with, validated once here.
 *
 * @param port 0 picks a free port
 * @param capacityRps requests per second the capacity model serves; 0 = no limit
 * @param serviceTimeMs fixed delay added to every API request
 * @param queueLimit requests that may wait for the capacity model before 503
 * @param redisUri null for the in-memory store
 * @param ioThreads Netty event-loop threads; 0 = one per core
 * @param handlerThreads threads that run handlers when the store blocks (Redis)
 * @param tls HTTPS with HTTP/2 and HTTP/1.1 through ALPN; null: plain HTTP/1.1
 * @param faults defects to answer with, to prove the invariant checks ({@link Fault}); empty: the contract
 */
public record TargetConfig(
        String host,
        int port,
        double capacityRps,
        double serviceTimeMs,
        int queueLimit,
        RateLimit rateLimit,
        String jwtSecret,
        Duration paymentDelay,
        String webhookSecret,
        int seatsPerEvent,
        URI redisUri,
        int maxBodyBytes,
        int ioThreads,
        int handlerThreads,
        TargetTls tls,
        Set<Fault> faults) {

    public static final String DEFAULT_JWT_SECRET = "tacos-capacity-dev-secret";
    public static final String DEFAULT_WEBHOOK_SECRET = "tacos-capacity-webhook-secret";

    public TargetConfig {
        faults = faults == null || faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        require(port >= 0 && port <= 65_535, "port must be 0..65535, got " + port);
        require(capacityRps >= 0 && Double.isFinite(capacityRps), "capacity-rps must be >= 0, got " + capacityRps);
        require(
                serviceTimeMs >= 0 && Double.isFinite(serviceTimeMs),
                "service-time-ms must be >= 0, got " + serviceTimeMs);
        require(queueLimit >= 0, "queue-limit must be >= 0, got " + queueLimit);
        require(jwtSecret != null && !jwtSecret.isEmpty(), "jwt-secret must not be empty");
        require(webhookSecret != null && !webhookSecret.isEmpty(), "webhook-secret must not be empty");
        require(paymentDelay != null && !paymentDelay.isNegative(), "payment-delay-ms must be >= 0");
        require(seatsPerEvent >= 1, "seats-per-event must be >= 1, got " + seatsPerEvent);
        require(maxBodyBytes >= 1, "max-body-bytes must be >= 1, got " + maxBodyBytes);
        require(ioThreads >= 0, "io-threads must be >= 0, got " + ioThreads);
        require(handlerThreads >= 1, "handler-threads must be >= 1, got " + handlerThreads);
        require(
                redisUri == null || "redis".equals(redisUri.getScheme()) && redisUri.getHost() != null,
                "redis must look like redis://host:port, got " + (redisUri == null ? null : Uris.redact(redisUri)));
    }

    /** Production-like defaults on 127.0.0.1:8080 with the in-memory store and no capacity limit. */
    public static TargetConfig defaults() {
        return new TargetConfig(
                "127.0.0.1",
                8080,
                0,
                0,
                1_000,
                RateLimit.production(),
                DEFAULT_JWT_SECRET,
                Duration.ofSeconds(2),
                DEFAULT_WEBHOOK_SECRET,
                100_000,
                null,
                1_048_576,
                0,
                64,
                null,
                Set.of());
    }

    public TargetConfig withPort(int newPort) {
        return new TargetConfig(
                host,
                newPort,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withCapacity(double rps, double serviceMs, int queue) {
        return new TargetConfig(
                host,
                port,
                rps,
                serviceMs,
                queue,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withRateLimit(RateLimit limit) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                limit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withSeatsPerEvent(int seats) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seats,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withPaymentDelay(Duration delay) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                delay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withRedis(URI uri) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                uri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    public TargetConfig withMaxBodyBytes(int bytes) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                bytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    /** The same target over HTTPS (HTTP/2 and HTTP/1.1 through ALPN); null: plain HTTP/1.1. */
    public TargetConfig withTls(TargetTls newTls) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                newTls,
                faults);
    }

    /** The same target answering with {@code newFaults} (see {@link Fault}). */
    public TargetConfig withFaults(Set<Fault> newFaults) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                jwtSecret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                newFaults);
    }

    /** The HS256 secret bearer tokens must be signed with: the runners' own, when they sign with one. */
    public TargetConfig withJwtSecret(String secret) {
        return new TargetConfig(
                host,
                port,
                capacityRps,
                serviceTimeMs,
                queueLimit,
                rateLimit,
                secret,
                paymentDelay,
                webhookSecret,
                seatsPerEvent,
                redisUri,
                maxBodyBytes,
                ioThreads,
                handlerThreads,
                tls,
                faults);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
