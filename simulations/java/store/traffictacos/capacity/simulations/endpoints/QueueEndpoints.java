package store.traffictacos.capacity.simulations.endpoints;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static store.traffictacos.capacity.simulations.endpoints.Sessions.journey;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.Function;

/** The waiting room requests with the contract's checks. */
public final class QueueEndpoints {
    private QueueEndpoints() {}

    public static HttpRequestActionBuilder join() {
        return http("join")
                .post("/api/v1/queue/join")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(
                        session -> "{\"event_id\":\"" + journey(session).eventId() + "\",\"user_id\":\""
                                + journey(session).userId() + "\"}"))
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(202),
                        jsonPath("$.waiting_token").saveAs(Sessions.SAVED_ID));
    }

    public static HttpRequestActionBuilder pollStatus() {
        return statusRequest(session -> journey(session).waitingToken());
    }

    /** The same poll for one fixed waiting token, as plain Gatling sends it: the runner's status-only work. */
    public static HttpRequestActionBuilder pollStatus(String token) {
        return statusRequest(session -> token);
    }

    private static HttpRequestActionBuilder statusRequest(Function<Session, Object> token) {
        return http("status")
                .get("/api/v1/queue/status")
                .queryParam("token", token)
                .check(
                        status().saveAs(Sessions.HTTP_STATUS),
                        status().is(200),
                        jsonPath("$.ready_for_entry").ofBoolean().saveAs(Sessions.READY));
    }

    /** 403 NOT_READY is an expected answer: the journey goes back to polling. */
    public static HttpRequestActionBuilder enter() {
        return http("enter")
                .post("/api/v1/queue/enter")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(
                        session -> "{\"waiting_token\":\"" + journey(session).waitingToken() + "\"}"))
                .check(status().saveAs(Sessions.HTTP_STATUS), status().in(200, 403))
                .checkIf((response, session) -> response.status().code() == 200)
                .then(jsonPath("$.reservation_token").saveAs(Sessions.SAVED_ID))
                .checkIf((response, session) -> response.status().code() == 403)
                .then(jsonPath("$.error.code").is("NOT_READY"));
    }

    /**
     * A second enter with a token already granted: the contract refuses it (403, or 404 once the token is
     * gone); a 200 admits the token twice.
     */
    public static HttpRequestActionBuilder enterAgain() {
        return http("enter_probe")
                .post("/api/v1/queue/enter")
                .header("Idempotency-Key", Sessions::idempotencyKey)
                .body(StringBody(
                        session -> "{\"waiting_token\":\"" + journey(session).waitingToken() + "\"}"))
                .check(status().saveAs(Sessions.HTTP_STATUS), status().in(200, 403, 404));
    }

    public static HttpRequestActionBuilder leave() {
        return http("leave")
                .delete("/api/v1/queue/leave")
                .queryParam("token", session -> journey(session).waitingToken())
                .check(status().saveAs(Sessions.HTTP_STATUS), status().is(200));
    }
}
