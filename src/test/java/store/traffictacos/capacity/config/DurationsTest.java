package store.traffictacos.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Durations")
class DurationsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "2m, 120000",
        "1h, 3600000",
        "1m30s, 90000",
        "1h2m3s4ms, 3723004",
        "2m500ms, 120500"
    })
    @DisplayName("a duration is written with h, m, s and ms units, combined largest first")
    void units(String text, long millis) {
        assertThat(Durations.positive(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"10", "1.5", "5x", "1s1m", "", "-5s"})
    @DisplayName("a number without a unit, an unknown unit or units out of order are refused, saying how to write one")
    void refused(String text) {
        assertThatThrownBy(() -> Durations.positive(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a duration such as 30s, 5m or 1m30s, got '" + text + "'");
    }

    @Test
    @DisplayName("a zero duration is refused")
    void zero() {
        assertThatThrownBy(() -> Durations.positive("0s")).hasMessage("must be positive, got '0s'");
    }
}
