package store.traffictacos.capacity.emulator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import store.traffictacos.capacity.emulator.Backend;
import store.traffictacos.capacity.emulator.BackendContract;
import store.traffictacos.capacity.emulator.TargetFixture.Reply;

@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@DisplayName("Waiting room routes")
class QueueContractTest extends BackendContract {
    @Test
    @DisplayName("join answers 202 with a UUID waiting_token, position_hint 0 and status waiting")
    void joinAnswers202() {
        // When
        Reply reply = api.post("/api/v1/queue/join", Map.of("event_id", "evt_1", "user_id", "u1"));

        // Then
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("waiting_token")).matches("[0-9a-f-]{36}");
        assertThat(reply.json().path("position_hint").asInt(-1)).isZero();
        assertThat(reply.text("status")).isEqualTo("waiting");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    @DisplayName("join without event_id answers 400 MISSING_EVENT_ID")
    void joinWithoutEvent() {
        // When
        Reply reply = api.post("/api/v1/queue/join", Map.of("user_id", "u1"));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MISSING_EVENT_ID");
    }

    @Test
    @DisplayName("status ranks users in join order within their event")
    void statusRanksInJoinOrder() {
        // Given
        String first = api.join("evt_1");
        String other = api.join("evt_2");
        String second = api.join("evt_1");

        // When / Then
        assertThat(api.status(first).json().path("position").asLong()).isEqualTo(1);
        assertThat(api.status(second).json().path("position").asLong()).isEqualTo(2);
        assertThat(api.status(other).json().path("position").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("status answers 200 with status, position, eta_sec, waiting_time and ready_for_entry")
    void statusFields() {
        // Given
        String token = api.join("evt_1");
        api.clock.advance(Duration.ofSeconds(7));

        // When
        Reply reply = api.status(token);

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("waiting");
        assertThat(reply.json().path("position").asLong()).isEqualTo(1);
        assertThat(reply.json().path("eta_sec").asLong()).isBetween(1L, 600L);
        assertThat(reply.json().path("waiting_time").asLong()).isEqualTo(7);
        assertThat(reply.json().path("ready_for_entry").isBoolean()).isTrue();
    }

    @Test
    @DisplayName("status without a token answers 400 MISSING_TOKEN, an unknown token 404 TOKEN_EXPIRED")
    void statusErrors() {
        assertThat(api.get("/api/v1/queue/status").errorCode()).isEqualTo("MISSING_TOKEN");
        Reply unknown = api.status("00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    @DisplayName("ranks 1-10 are ready at once, 11-50 after 2 s, 51-100 after 5 s, and 101 never")
    void minimumWaitsByRank() {
        // Given 101 users of one event joined at the same instant
        String[] tokens = new String[102];
        for (int rank = 1; rank <= 101; rank++) {
            tokens[rank] = api.join("evt_1");
        }

        // Then at once only the top 10 are ready
        assertThat(ready(tokens[10])).isTrue();
        assertThat(ready(tokens[11])).isFalse();

        // And after 2 s ranks 11-50
        api.clock.advance(Duration.ofSeconds(2));
        assertThat(ready(tokens[50])).isTrue();
        assertThat(ready(tokens[51])).isFalse();

        // And after 5 s ranks 51-100, never 101
        api.clock.advance(Duration.ofSeconds(3));
        assertThat(ready(tokens[100])).isTrue();
        assertThat(ready(tokens[101])).isFalse();
    }

    private boolean ready(String token) {
        return api.status(token).json().path("ready_for_entry").asBoolean();
    }

    @Test
    @DisplayName("enter answers 200 with admission granted, a reservation_token and ttl_sec 30")
    void enterGrants() {
        // Given
        String token = api.join("evt_1");

        // When
        Reply reply = api.enter(token);

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("admission")).isEqualTo("granted");
        assertThat(reply.text("reservation_token")).matches("[0-9a-f-]{36}");
        assertThat(reply.json().path("ttl_sec").asInt()).isEqualTo(30);
    }

    @Test
    @DisplayName("enter before the minimum wait answers 403 NOT_READY")
    void enterTooEarly() {
        // Given rank 11, who must wait 2 s
        for (int i = 0; i < 10; i++) {
            api.join("evt_1");
        }
        String eleventh = api.join("evt_1");

        // When
        Reply reply = api.enter(eleventh);

        // Then
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("NOT_READY");
    }

    @Test
    @DisplayName("after enter, status answers 404 TOKEN_EXPIRED, a second enter 403, and everyone behind moves up")
    void enterEndsTheToken() {
        // Given
        String first = api.join("evt_1");
        String second = api.join("evt_1");

        // When
        api.enter(first);

        // Then
        assertThat(api.status(first).errorCode()).isEqualTo("TOKEN_EXPIRED");
        assertThat(api.enter(first).status()).isEqualTo(403);
        assertThat(api.status(second).json().path("position").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("enter with an unknown token answers 404 TOKEN_NOT_FOUND, without one 400 MISSING_TOKEN")
    void enterErrors() {
        Reply unknown = api.enter("00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("TOKEN_NOT_FOUND");
        assertThat(api.post("/api/v1/queue/enter", Map.of()).errorCode()).isEqualTo("MISSING_TOKEN");
    }

    @Test
    @DisplayName("ranks 11-100 need an admission token: 500 in the bucket, then 50 per second; the top 10 bypass it")
    void admissionBucket() {
        // Given 600 users who all waited past the 5 s minimum
        String[] tokens = new String[600];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = api.join("evt_1");
        }
        api.clock.advance(Duration.ofSeconds(5));

        // When the user at rank 11 enters, 500 times, with the clock standing still
        int next = 10;
        for (int i = 0; i < 500; i++) {
            assertThat(api.enter(tokens[next++]).status())
                    .as("enter #%d", i + 1)
                    .isEqualTo(200);
        }

        // Then the bucket is empty for rank 11
        assertThat(api.enter(tokens[next]).errorCode()).isEqualTo("NOT_READY");

        // And one second refills 50 tokens
        api.clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertThat(api.enter(tokens[next++]).status())
                    .as("refilled enter #%d", i + 1)
                    .isEqualTo(200);
        }
        assertThat(api.enter(tokens[next]).errorCode()).isEqualTo("NOT_READY");

        // And the top 10 still enter directly
        assertThat(api.enter(tokens[0]).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a user who does not poll for 5 minutes is dropped and the users behind move up")
    void heartbeatExpiry() {
        // Given
        String silent = api.join("evt_1");
        String polling = api.join("evt_1");

        // When only the second user polls, for 5 minutes
        for (int minute = 0; minute < 5; minute++) {
            api.clock.advance(Duration.ofMinutes(1));
            api.status(polling);
        }

        // Then
        assertThat(api.status(polling).json().path("position").asLong()).isEqualTo(1);
        assertThat(api.status(silent).errorCode()).isEqualTo("TOKEN_EXPIRED");
    }

    @Test
    @DisplayName("a waiting token ends 30 minutes after join even while it keeps polling")
    void ticketLifetime() {
        // Given A joins a minute before B, and both keep polling
        String early = api.join("evt_1");
        api.clock.advance(Duration.ofMinutes(1));
        String late = api.join("evt_1");
        api.status(early);
        for (int minutesSinceEarlyJoin = 1; minutesSinceEarlyJoin < 29; minutesSinceEarlyJoin += 4) {
            api.clock.advance(Duration.ofMinutes(4));
            assertThat(api.status(early).status()).isEqualTo(200);
            api.status(late);
        }

        // When A's 30 minutes are up (29 have passed)
        api.clock.advance(Duration.ofMinutes(1));

        // Then A is gone and B moved up
        assertThat(api.status(early).errorCode()).isEqualTo("TOKEN_EXPIRED");
        assertThat(api.status(late).json().path("position").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("eta_sec is position x 2 before any admission, then position / admissions per second x 1.1")
    void eta() {
        // Given 40 users
        String[] tokens = new String[40];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = api.join("evt_1");
        }
        String last = tokens[39];

        // Then with no admission yet
        assertThat(api.status(last).json().path("eta_sec").asLong()).isEqualTo(80);

        // When 10 users enter, within the 10 s admission window: 1 admission per second
        for (int i = 0; i < 10; i++) {
            api.enter(tokens[i]);
        }

        // Then position 30 / 1 per s x 1.1 = 33
        assertThat(api.status(last).json().path("eta_sec").asLong()).isEqualTo(33);
    }

    @Test
    @DisplayName("leave answers 200 status left, also for unknown tokens, and ends the token")
    void leave() {
        // Given
        String token = api.join("evt_1");

        // When
        Reply reply = api.delete("/api/v1/queue/leave?token=" + token);

        // Then
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("left");
        assertThat(api.status(token).errorCode()).isEqualTo("TOKEN_EXPIRED");
        assertThat(api.delete("/api/v1/queue/leave?token=nobody").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/queue/leave").errorCode()).isEqualTo("MISSING_TOKEN");
    }
}
