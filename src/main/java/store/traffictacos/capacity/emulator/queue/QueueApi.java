package store.traffictacos.capacity.emulator.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import store.traffictacos.capacity.emulator.http.ApiException;
import store.traffictacos.capacity.emulator.http.ApiRequest;
import store.traffictacos.capacity.emulator.http.ApiResponse;
import store.traffictacos.capacity.emulator.http.Json;
import store.traffictacos.capacity.emulator.http.Route;

/** The waiting room routes: join, status, enter, leave. */
public final class QueueApi {
    private static final int MAX_ETA_SECONDS = 600;

    private final WaitingRoomStore store;
    private final AdmissionPolicy policy;
    private final Clock clock;
    /** A fault the target can be started with: enter grants a token that has already entered. */
    private final boolean admitTwice;

    /** @param admitTwice break the contract on purpose: a second enter with a token is granted again */
    public QueueApi(WaitingRoomStore store, AdmissionPolicy policy, Clock clock, boolean admitTwice) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.admitTwice = admitTwice;
    }

    public List<Route> routes() {
        return List.of(
                Route.publicApi("POST", "/api/v1/queue/join", (request, user) -> join(request)),
                Route.publicApi("GET", "/api/v1/queue/status", (request, user) -> status(request)),
                Route.publicApi("POST", "/api/v1/queue/enter", (request, user) -> enter(request)),
                Route.publicApi("DELETE", "/api/v1/queue/leave", (request, user) -> leave(request)));
    }

    private ApiResponse join(ApiRequest request) {
        ObjectNode body = Json.object(request.body());
        String eventId = Json.text(body, "event_id");
        if (eventId == null) {
            throw ApiException.badRequest("MISSING_EVENT_ID", "event_id is required");
        }
        String token = UUID.randomUUID().toString();
        String userId = Json.text(body, "user_id");
        store.join(new WaitingTicket(token, eventId, userId == null ? "anonymous" : userId, clock.millis()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("waiting_token", token);
        answer.put("position_hint", 0);
        answer.put("status", "waiting");
        return ApiResponse.json(202, answer);
    }

    private ApiResponse status(ApiRequest request) {
        String token = request.queryParam("token").filter(t -> !t.isBlank()).orElseThrow(QueueApi::missingToken);
        long now = clock.millis();
        if (!(store.lookup(token, now, true) instanceof TicketState.Waiting waiting)) {
            throw ApiException.notFound("TOKEN_EXPIRED", "waiting token is unknown or expired");
        }
        long waitedMs = now - waiting.ticket().joinedAtMs();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "waiting");
        answer.put("position", waiting.position());
        answer.put("eta_sec", etaSeconds(waiting));
        answer.put("waiting_time", waitedMs / 1000);
        answer.put(
                "ready_for_entry",
                policy.readiness(waiting.position(), waitedMs) != AdmissionPolicy.Readiness.NOT_READY);
        return ApiResponse.json(200, answer);
    }

    /** position ÷ recent admissions per second × 1.1, or position × 2 before any admission; 1..600. */
    private long etaSeconds(TicketState.Waiting waiting) {
        long admissions = store.recentAdmissions(waiting.ticket().eventId(), clock.millis());
        double eta = admissions == 0
                ? waiting.position() * 2.0
                : waiting.position() / (admissions * 1000.0 / policy.admissionWindowMs()) * 1.1;
        return Math.max(1, Math.min(MAX_ETA_SECONDS, (long) Math.ceil(eta)));
    }

    private ApiResponse enter(ApiRequest request) {
        String token = Json.text(Json.object(request.body()), "waiting_token");
        if (token == null) {
            throw missingToken();
        }
        long now = clock.millis();
        TicketState state = store.lookup(token, now, false);
        if (state instanceof TicketState.Unknown) {
            throw ApiException.notFound("TOKEN_NOT_FOUND", "waiting token is unknown or expired");
        }
        if (state instanceof TicketState.Entered && admitTwice) {
            return granted();
        }
        if (!(state instanceof TicketState.Waiting waiting)) {
            throw notReady("this waiting token has already entered");
        }
        AdmissionPolicy.Readiness readiness =
                policy.readiness(waiting.position(), now - waiting.ticket().joinedAtMs());
        if (readiness == AdmissionPolicy.Readiness.NOT_READY) {
            throw notReady("not ready for entry yet");
        }
        if (readiness == AdmissionPolicy.Readiness.NEEDS_ADMISSION_TOKEN
                && !store.takeAdmissionToken(waiting.ticket().eventId(), now)) {
            throw notReady("admission is throttled, retry shortly");
        }
        String reservationToken = UUID.randomUUID().toString();
        if (!store.admit(token, reservationToken, now)) {
            throw notReady("this waiting token is no longer waiting");
        }
        return granted(reservationToken);
    }

    private ApiResponse granted() {
        return granted(UUID.randomUUID().toString());
    }

    private ApiResponse granted(String reservationToken) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("admission", "granted");
        answer.put("reservation_token", reservationToken);
        answer.put("ttl_sec", policy.reservationTokenTtlMs() / 1000);
        return ApiResponse.json(200, answer);
    }

    private ApiResponse leave(ApiRequest request) {
        String token = request.queryParam("token").filter(t -> !t.isBlank()).orElseThrow(QueueApi::missingToken);
        store.leave(token);
        return ApiResponse.json(200, Map.of("status", "left"));
    }

    private static ApiException missingToken() {
        return ApiException.badRequest("MISSING_TOKEN", "waiting token is required");
    }

    private static ApiException notReady(String message) {
        return new ApiException(403, "NOT_READY", message);
    }
}
