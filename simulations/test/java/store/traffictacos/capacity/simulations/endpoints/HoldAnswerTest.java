package store.traffictacos.capacity.simulations.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HoldAnswer: what a hold answered")
class HoldAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode answer(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    @DisplayName("a HOLD answer gives its reservation, its seats and its own expiry")
    void readsAHold() throws Exception {
        // Given
        JsonNode answer = answer("{\"reservation_id\":\"rsv-1\",\"status\":\"HOLD\",\"event_id\":\"evt_1\","
                + "\"seat_ids\":[\"A-1\",\"A-2\"],\"quantity\":2,\"hold_expires_at\":\"2026-12-07T00:01:00.123Z\"}");

        // When
        HoldAnswer hold = HoldAnswer.of(answer);

        // Then
        assertThat(hold)
                .isEqualTo(new HoldAnswer("rsv-1", java.util.List.of("A-1", "A-2"), "2026-12-07T00:01:00.123Z"));
    }

    @Test
    @DisplayName("a HOLD answer without seats or expiry holds no seats and has no expiry of its own")
    void withoutSeatsOrExpiry() throws Exception {
        // When
        HoldAnswer hold = HoldAnswer.of(answer("{\"reservation_id\":\"rsv-1\",\"status\":\"HOLD\"}"));

        // Then
        assertThat(hold.seatIds()).isEmpty();
        assertThat(hold.holdExpiresAt()).isNull();
    }

    @Test
    @DisplayName("an answer with another status, or without a reservation_id, is no hold")
    void refusesOtherAnswers() throws Exception {
        // When / Then
        assertThat(HoldAnswer.of(answer("{\"reservation_id\":\"rsv-1\",\"status\":\"CONFIRMED\"}")))
                .isNull();
        assertThat(HoldAnswer.of(answer("{\"status\":\"HOLD\"}"))).isNull();
        assertThat(HoldAnswer.of(answer("{\"reservation_id\":7,\"status\":\"HOLD\"}")))
                .isNull();
    }
}
