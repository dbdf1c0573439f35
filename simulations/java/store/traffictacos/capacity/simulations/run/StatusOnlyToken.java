package store.traffictacos.capacity.simulations.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import store.traffictacos.capacity.controller.setup.LocalTarget;
import store.traffictacos.capacity.runner.Workload;

/**
 * The waiting token a status-only run asks about ({@link Workload}): the one it was given, else, on the
 * embedded target only, one joined there before the load (the embedded target is this JVM's own; a given
 * platform gets no journey the load did not ask for).
 */
final class StatusOnlyToken {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private StatusOnlyToken() {}

    /** @return null for the ticketing journey */
    static String resolve(Workload workload, LocalTarget target) {
        if (!workload.statusOnly()) {
            return null;
        }
        workload.requireToken(target.embedded());
        return workload.statusToken() != null ? workload.statusToken() : joinEmbedded(target.url());
    }

    private static String joinEmbedded(URI base) {
        HttpRequest join = HttpRequest.newBuilder(base.resolve("/api/v1/queue/join"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\":\"status-only\",\"user_id\":\"status-only\"}"))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(join, HttpResponse.BodyHandlers.ofString());
            String token = answer.statusCode() == 202
                    ? new ObjectMapper()
                            .readTree(answer.body())
                            .path("waiting_token")
                            .asText("")
                    : "";
            if (token.isEmpty()) {
                throw new IllegalStateException("the embedded target answered the status-only run's join with "
                        + answer.statusCode() + " and no waiting token");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the embedded target did not answer the status-only run's join: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the embedded target", e);
        }
    }
}
