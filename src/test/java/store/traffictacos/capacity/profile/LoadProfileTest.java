package store.traffictacos.capacity.profile;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LoadProfile: phases back to back, and each runner's exact share")
class LoadProfileTest {
    private final LoadProfile thirtyK = Profiles.builtIn("30k").orElseThrow();

    @Test
    @DisplayName("the total duration is the sum of the phases")
    void totalDuration() {
        // Then
        assertThat(thirtyK.totalDuration()).isEqualTo(ofMinutes(22));
    }

    @Test
    @DisplayName("phaseAt finds the running phase, a phase's end belonging to the next one")
    void phaseAt() {
        // Then
        assertThat(thirtyK.phaseAt(Duration.ZERO)).map(Phase::name).contains("warm-up");
        assertThat(thirtyK.phaseAt(ofMinutes(2).minusNanos(1))).map(Phase::name).contains("warm-up");
        assertThat(thirtyK.phaseAt(ofMinutes(2))).map(Phase::name).contains("ramp");
        assertThat(thirtyK.phaseAt(ofMinutes(17))).map(Phase::name).contains("stress");
    }

    @Test
    @DisplayName("requests scheduled in a window spanning phases are the integral of the rate over it")
    void expectedRequestsInWindow() {
        // When the window runs from the last minute of warm-up into the first minute of the ramp
        double requests = thirtyK.expectedRequests(ofMinutes(1), ofMinutes(3));

        // Then 60 s at 5,000 plus the first minute of 10,000 -> 20,000 over 5 minutes (10,000 -> 12,000)
        assertThat(requests).isCloseTo(300_000 + 660_000, within(1e-6));
        assertThat(thirtyK.expectedRequests(ofMinutes(-5), ofMinutes(30)))
                .isCloseTo(thirtyK.expectedRequests(), within(1e-6));
    }

    @Test
    @DisplayName("requests per second are those the injector starts: a phase's spare requests first, a ramp's "
            + "fractions carried")
    void requestsPerSecond() {
        // Given a profile with fractional rates
        LoadProfile odd = new LoadProfile(
                "odd", List.of(Phase.constant("a", ofSeconds(3), 2.5), Phase.ramp("b", ofSeconds(4), 1, 2)));

        // When
        long[] perSecond = odd.requestsPerSecond();

        // Then a: round(7.5) = 8 requests over 3 s, 3 + 3 + 2; b: 1.125 + 1.375 + 1.625 + 1.875, each
        // second's fraction carried into the next and the last one left out
        assertThat(perSecond).containsExactly(3, 3, 2, 1, 1, 2, 2);
    }

    @Test
    @DisplayName("a phase that starts between whole seconds spreads each of its seconds over two")
    void requestsPerSecondBetweenSeconds() {
        // Given 4 requests a second from 0.5 s on: at 0.5, 0.75, 1.0 and 1.25 s of each of its seconds
        LoadProfile halfway = new LoadProfile(
                "halfway", List.of(Phase.constant("half", ofMillis(500), 0), Phase.constant("four", ofSeconds(2), 4)));

        // When
        long[] perSecond = halfway.requestsPerSecond();

        // Then
        assertThat(perSecond).containsExactly(2, 4, 2);
    }

    @Test
    @DisplayName("phaseAt is empty before the start and from the end on")
    void phaseAtOutside() {
        // Then
        assertThat(thirtyK.phaseAt(ofSeconds(-1))).isEmpty();
        assertThat(thirtyK.phaseAt(ofMinutes(22))).isEmpty();
    }

    @Test
    @DisplayName("expectedRequests sums the phases")
    void expectedRequests() {
        // Then: 5,000 × 120 + 4,500,000 + 30,000 × 600 + 40,000 × 300
        assertThat(thirtyK.expectedRequests()).isEqualTo(35_100_000);
    }

    @Test
    @DisplayName("a profile needs a name, at least one phase and unique phase names")
    void invalidProfilesRejected() {
        // Given
        Phase peak = Phase.constant("peak", ofSeconds(1), 1);

        // Then
        assertThatThrownBy(() -> new LoadProfile("", List.of(peak)))
                .isInstanceOf(ProfileException.class)
                .hasMessage("a profile name must not be blank");
        assertThatThrownBy(() -> new LoadProfile("x", List.of()))
                .isInstanceOf(ProfileException.class)
                .hasMessage("profile 'x' has no phases");
        assertThatThrownBy(() -> new LoadProfile("x", List.of(peak, peak)))
                .isInstanceOf(ProfileException.class)
                .hasMessage("profile 'x' has two phases named 'peak'");
    }

    @Test
    @DisplayName("30,000 rps over 7 runners: shares of 4285.714 or 4285.715 rps that add up to exactly 30,000")
    void shardThirtyThousandOverSeven() {
        // When
        List<Double> shares = IntStream.range(0, 7)
                .mapToObj(i -> thirtyK.shard(i, 7).phases().get(2).fromRps())
                .toList();

        // Then
        assertThat(shares).allSatisfy(rps -> assertThat(rps).isIn(4285.714, 4285.715));
        assertThat(sumInMilliRps(shares)).isEqualTo(30_000_000);
    }

    @Test
    @DisplayName("5.5 rps over 3 runners splits into 1.833, 1.833 and 1.834")
    void shardFractionalRate() {
        // Given
        LoadProfile profile = new LoadProfile("tiny", List.of(Phase.constant("peak", ofSeconds(10), 5.5)));

        // When
        List<Double> shares = IntStream.range(0, 3)
                .mapToObj(i -> profile.shard(i, 3).phases().get(0).fromRps())
                .toList();

        // Then
        assertThat(shares).containsExactly(1.833, 1.833, 1.834);
    }

    @Test
    @DisplayName("a sharded phase keeps its name and duration and splits a ramp's from and to separately")
    void shardRamp() {
        // When
        Phase share = thirtyK.shard(0, 3).phases().get(1);

        // Then
        assertThat(share).isEqualTo(Phase.ramp("ramp", ofMinutes(5), 3_333.333, 6_666.666));
        assertThat(thirtyK.shard(2, 3).phases().get(1))
                .isEqualTo(Phase.ramp("ramp", ofMinutes(5), 3_333.334, 6_666.667));
    }

    @Test
    @DisplayName("a runner's share of a phase not judged is not judged either")
    void shardKeepsJudged() {
        // Then the built-in warm-up
        assertThat(thirtyK.shard(1, 3).phases()).extracting(Phase::judged).containsExactly(false, true, true, true);
    }

    @ParameterizedTest(name = "{0} rps over {1} runners")
    @CsvSource({"30000, 7", "5.5, 3", "20000, 3", "0.001, 4", "0, 5", "12345.678, 13", "40000, 1000", "7, 7", "1, 3"})
    @DisplayName("shares add up to the total exactly and each is within 0.001 rps of total / count")
    void sharesAddUpExactly(double rps, int count) {
        // Given
        LoadProfile profile = new LoadProfile("p", List.of(Phase.ramp("ramp", ofSeconds(10), rps, rps / 2 + 0.5)));

        // When
        List<Phase> shares = IntStream.range(0, count)
                .mapToObj(i -> profile.shard(i, count).phases().get(0))
                .toList();

        // Then
        Phase whole = profile.phases().get(0);
        assertThat(sumInMilliRps(shares.stream().map(Phase::fromRps).toList()))
                .isEqualTo(Math.round(whole.fromRps() * 1000));
        assertThat(sumInMilliRps(shares.stream().map(Phase::toRps).toList()))
                .isEqualTo(Math.round(whole.toRps() * 1000));
        assertThat(shares).allSatisfy(share -> {
            assertThat(share.fromRps()).isCloseTo(whole.fromRps() / count, within(0.001 + 1e-9));
            assertThat(share.toRps()).isCloseTo(whole.toRps() / count, within(0.001 + 1e-9));
        });
    }

    @Test
    @DisplayName("a single runner's share is the whole profile, rates rounded to 0.001 rps")
    void singleRunnerShare() {
        // Given
        LoadProfile profile = new LoadProfile("p", List.of(Phase.constant("peak", ofSeconds(1), 2.00049)));

        // Then
        assertThat(thirtyK.shard(0, 1)).isEqualTo(thirtyK);
        assertThat(profile.shard(0, 1).phases().get(0).fromRps()).isEqualTo(2.0);
    }

    @Test
    @DisplayName("a runner index outside 0..count-1 or a count below 1 is rejected")
    void invalidShardRejected() {
        // Then
        assertThatThrownBy(() -> thirtyK.shard(3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runner index must be 0..2, got 3");
        assertThatThrownBy(() -> thirtyK.shard(-1, 3)).hasMessage("runner index must be 0..2, got -1");
        assertThatThrownBy(() -> thirtyK.shard(0, 0)).hasMessage("runner count must be >= 1, got 0");
    }

    private static long sumInMilliRps(List<Double> rates) {
        return rates.stream().mapToLong(rps -> Math.round(rps * 1000)).sum();
    }
}
