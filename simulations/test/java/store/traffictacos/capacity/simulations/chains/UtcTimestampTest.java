package store.traffictacos.capacity.simulations.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("UtcTimestamp: the platform's timestamps as epoch milliseconds")
class UtcTimestampTest {

    @Test
    @DisplayName("reads every UTC 'Z' text as Instant.parse does, whatever its precision and year")
    void agreesWithInstantParse() {
        // Given instants from year 1 to 9999, written with 0 to 9 fraction digits
        SplittableRandom random = new SplittableRandom(20261207);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            int digits = i % 10;
            String pattern = "uuuu-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits)) + "'Z'";
            texts.add(DateTimeFormatter.ofPattern(pattern)
                    .withZone(ZoneOffset.UTC)
                    .format(instant));
            texts.add(instant.truncatedTo(ChronoUnit.MILLIS).toString());
        }

        // When / Then
        for (String text : texts) {
            assertThat(UtcTimestamp.epochMs(text))
                    .as(text)
                    .isEqualTo(Instant.parse(text).toEpochMilli());
        }
    }

    @Test
    @DisplayName("a timestamp with an offset is read as Instant.parse reads it")
    void offsets() {
        // Given
        String text = OffsetDateTime.of(2026, 12, 7, 9, 15, 30, 250_000_000, ZoneOffset.ofHours(9))
                .toString();

        // When
        long epochMs = UtcTimestamp.epochMs(text);

        // Then
        assertThat(epochMs).isEqualTo(Instant.parse("2026-12-07T00:15:30.250Z").toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-12-07T25:00:00Z",
                "2026-12-07T10:61:00Z",
                "2026-12-07T10:15:30.1234567890Z",
                "2026-12-07 10:15:30Z",
                "2026-12-O7T10:15:30Z",
                "",
                "tomorrow"
            })
    @DisplayName("text that is no instant is refused as Instant.parse refuses it")
    void refusesWhatIsNoInstant(String text) {
        // When / Then
        assertThatThrownBy(() -> UtcTimestamp.epochMs(text)).isInstanceOf(DateTimeParseException.class);
    }
}
