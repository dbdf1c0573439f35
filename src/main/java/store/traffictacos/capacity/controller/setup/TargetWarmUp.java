package store.traffictacos.capacity.controller.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Warms the embedded reference target before the measured load, as the runners warm themselves: a
 * freshly started target meets every route cold (interpreted code, classes still loading), and its first
 * seconds under load measure that rather than its capacity. For a bounded time, a few workers each run
 * whole journeys (join, status, enter, hold, payment intent, process, confirm) on an event of their own,
 * one at a time, so every journey is first in its queue and enters at once; then the test data goes
 * ({@code POST /api/v1/admin/flush-test-data}: queues, idempotency records, rate-limit buckets). The
 * warm-up's seats are sold on events the journeys never use, so nothing held remains, and the target's
 * rates are sampled from the start of the run on, after the warm-up.
 *
 * <p>Only ever for the embedded target ({@link LocalTarget}): a real platform is never sent a journey
 * that was not part of the load asked for.
 */
final class TargetWarmUp {
    /** Long enough for the JIT to compile the request path (tens of thousands of calls), short beside a run. */
    static final Duration BUDGET = Duration.ofSeconds(3);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_PREFIX = "warm-up-";

    /** What a warm-up did. */
    record Result(long journeys, long requests, Duration took) {}

    private final URI base;
    private final LongAdder requests = new LongAdder();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private TargetWarmUp(URI base) {
        this.base = base;
    }

    /**
     * Runs journeys for {@code budget} (at most {@code maxJourneys} per worker), then removes the test data.
     *
     * @throws IllegalStateException naming the route, when the target answers a step not as its contract says
     */
    static Result run(URI base, Duration budget, int maxJourneys) {
        return new TargetWarmUp(base).run(budget, maxJourneys);
    }

    private Result run(Duration budget, int maxJourneys) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "tacos-target-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Long>> journeys = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                String event = EVENT_PREFIX + worker;
                journeys.add(pool.submit(() -> journeys(event, deadline, maxJourneys)));
            }
            long done = 0;
            for (Future<Long> worker : journeys) {
                done += worker.get();
            }
            send("POST", "/api/v1/admin/flush-test-data", "{}", 200, false, null);
            return new Result(done, requests.sum(), Duration.ofNanos(System.nanoTime() - started));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("warming the embedded target: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming the embedded target", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private long journeys(String event, long deadline, int maxJourneys) {
        long done = 0;
        while (done < maxJourneys && System.nanoTime() < deadline) {
            journey(event, "warm-up-user-" + done);
            done++;
        }
        return done;
    }

    private void journey(String event, String user) {
        String waiting = send(
                        "POST",
                        "/api/v1/queue/join",
                        "{\"event_id\":\"" + event + "\",\"user_id\":\"" + user + "\"}",
                        202,
                        false,
                        user)
                .path("waiting_token")
                .asText();
        if (!send("GET", "/api/v1/queue/status?token=" + waiting, null, 200, false, user)
                .path("ready_for_entry")
                .asBoolean()) {
            throw new IllegalStateException("warming the embedded target: the first in its queue was not ready");
        }
        String entry = send("POST", "/api/v1/queue/enter", "{\"waiting_token\":\"" + waiting + "\"}", 200, false, user)
                .path("reservation_token")
                .asText();
        String reservation = send(
                        "POST",
                        "/api/v1/reservations",
                        "{\"event_id\":\"" + event + "\",\"quantity\":1,\"reservation_token\":\"" + entry + "\"}",
                        201,
                        true,
                        user)
                .path("reservation_id")
                .asText();
        String intent = send(
                        "POST",
                        "/api/v1/payment/intent",
                        "{\"reservation_id\":\"" + reservation + "\",\"amount\":1000,\"currency\":\"KRW\"}",
                        200,
                        true,
                        user)
                .path("payment_intent_id")
                .asText();
        send(
                "POST",
                "/api/v1/payment/process",
                "{\"payment_intent_id\":\"" + intent + "\",\"action\":\"approve\"}",
                200,
                true,
                user);
        send(
                "POST",
                "/api/v1/reservations/" + reservation + "/confirm",
                "{\"payment_intent_id\":\"" + intent + "\"}",
                200,
                true,
                user);
    }

    /**
     * The client may reuse a kept-alive connection the target has just closed ("received no bytes"); the
     * request is sent again, with the same idempotency key, so a warm-up never fails the run on that race.
     */
    private HttpResponse<String> sendRetryingClosedConnections(HttpRequest request)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** One request; its JSON answer, or an error naming the route when the status is not {@code expected}. */
    private JsonNode send(String method, String path, String body, int expected, boolean authenticated, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        if (authenticated) {
            // The load-test bypass, acting as the journey's user (the runners' "bypass" auth).
            request.header("Authorization", "Bearer load-test-bypass-token")
                    .header("X-Load-Test", "true")
                    .header("X-User-Id", user);
        }
        try {
            HttpResponse<String> response = sendRetryingClosedConnections(request.build());
            requests.increment();
            if (response.statusCode() != expected) {
                throw new IllegalStateException("warming the embedded target: " + method + " " + path.split("\\?")[0]
                        + " answered " + response.statusCode() + ", expected " + expected);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "warming the embedded target: " + method + " " + path.split("\\?")[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming the embedded target", e);
        }
    }
}
