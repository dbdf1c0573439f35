package store.traffictacos.capacity.profile;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Phase: one linear stretch of offered HTTP requests per second")
class PhaseTest {
    private final Phase ramp = Phase.ramp("ramp", ofMinutes(5), 10_000, 20_000);
    private final Phase peak = Phase.constant("peak", ofMinutes(10), 30_000);

    @Test
    @DisplayName("a phase whose rates differ is a ramp, one with equal rates is constant")
    void rampOrConstant() {
        // Then
        assertThat(ramp.isRamp()).isTrue();
        assertThat(peak.isRamp()).isFalse();
    }

    @Test
    @DisplayName("rpsAt interpolates a ramp linearly and gives its exact end rates at both ends")
    void rpsAtInterpolates() {
        // Then
        assertThat(ramp.rpsAt(Duration.ZERO)).isEqualTo(10_000);
        assertThat(ramp.rpsAt(ofSeconds(150))).isEqualTo(15_000);
        assertThat(ramp.rpsAt(ofMinutes(1))).isEqualTo(12_000);
        assertThat(ramp.rpsAt(ofMinutes(5))).isEqualTo(20_000);
    }

    @Test
    @DisplayName("rpsAt of a constant phase is its rate everywhere")
    void rpsAtConstant() {
        // Then
        assertThat(peak.rpsAt(ofSeconds(1))).isEqualTo(30_000);
        assertThat(peak.rpsAt(ofMinutes(10))).isEqualTo(30_000);
    }

    @Test
    @DisplayName("a ramp of 10,000 to 20,000 rps over 5 minutes offers 4,500,000 requests")
    void rampExpectedRequests() {
        // Then
        assertThat(ramp.expectedRequests()).isEqualTo(4_500_000);
    }

    @Test
    @DisplayName("a constant 30,000 rps for 10 minutes offers 18,000,000 requests")
    void constantExpectedRequests() {
        // Then
        assertThat(peak.expectedRequests()).isEqualTo(18_000_000);
    }

    @Test
    @DisplayName("expectedRequests over a sub-window is the exact integral of the ramp's rate")
    void windowExpectedRequests() {
        // Then: the first minute climbs 10,000 -> 12,000 rps, the last minute 18,000 -> 20,000 rps
        assertThat(ramp.expectedRequests(Duration.ZERO, ofMinutes(1))).isEqualTo(660_000);
        assertThat(ramp.expectedRequests(ofMinutes(4), ofMinutes(5))).isEqualTo(1_140_000);
        assertThat(ramp.expectedRequests(ofSeconds(90), ofSeconds(90))).isZero();
    }

    @Test
    @DisplayName("sub-windows that tile the phase add up to the whole phase")
    void windowsAddUp() {
        // When
        double sum = ramp.expectedRequests(Duration.ZERO, ofSeconds(7))
                + ramp.expectedRequests(ofSeconds(7), ofSeconds(200))
                + ramp.expectedRequests(ofSeconds(200), ofMinutes(5));

        // Then
        assertThat(sum).isCloseTo(ramp.expectedRequests(), within(1e-6));
    }

    @Test
    @DisplayName("offsets outside the phase and windows that end before they start are rejected")
    void offsetsOutsideRejected() {
        // Then
        assertThatThrownBy(() -> ramp.rpsAt(ofSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset PT5M1S is outside phase 'ramp' (0..PT5M)");
        assertThatThrownBy(() -> ramp.rpsAt(ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ramp.expectedRequests(ofSeconds(2), ofSeconds(1)))
                .hasMessage("window end PT1S is before its start PT2S");
    }

    @Test
    @DisplayName("a blank name, a zero duration and negative or non-finite rates are rejected")
    void invalidPhasesRejected() {
        // Then
        assertThatThrownBy(() -> Phase.constant(" ", ofSeconds(1), 1))
                .isInstanceOf(ProfileException.class)
                .hasMessage("a phase name must not be blank");
        assertThatThrownBy(() -> Phase.constant("peak", Duration.ZERO, 1))
                .hasMessage("phase 'peak': duration must be > 0, got PT0S");
        assertThatThrownBy(() -> Phase.ramp("ramp", ofSeconds(1), -1, 5))
                .hasMessage("phase 'ramp': from rate must be >= 0 and finite, got -1.0");
        assertThatThrownBy(() -> Phase.ramp("ramp", ofSeconds(1), 1, Double.NaN))
                .hasMessage("phase 'ramp': to rate must be >= 0 and finite, got NaN");
        assertThatThrownBy(() -> Phase.constant("peak", ofSeconds(1), Double.POSITIVE_INFINITY))
                .isInstanceOf(ProfileException.class);
    }
}
