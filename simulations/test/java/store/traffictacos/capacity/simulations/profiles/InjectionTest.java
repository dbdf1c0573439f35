package store.traffictacos.capacity.simulations.profiles;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;
import store.traffictacos.capacity.profile.Profiles;

@DisplayName("Injection of a profile")
class InjectionTest {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static Stream<LoadProfile> profiles() {
        LoadProfile smoke = Profiles.builtIn("smoke").orElseThrow();
        LoadProfile local = Profiles.builtIn("local").orElseThrow();
        LoadProfile odd = new LoadProfile(
                "odd",
                List.of(
                        Phase.constant("uneven", ofSeconds(3), 3.333),
                        Phase.ramp("thousandths", ofSeconds(4), 3.333, 13.334),
                        Phase.constant("between seconds", ofMillis(2_500), 7.5),
                        Phase.ramp("under a second", ofMillis(600), 10, 20),
                        Phase.constant("idle", ofSeconds(2), 0),
                        Phase.ramp("down", ofSeconds(5), 41.7, 2.3),
                        Phase.constant("busy", ofMillis(1_250), 1_234.567)));
        return Stream.of(
                        IntStream.range(0, 3).mapToObj(runner -> smoke.shard(runner, 3)),
                        IntStream.range(0, 7).mapToObj(runner -> local.shard(runner, 7)),
                        Stream.of(local, odd, odd.shard(1, 3)))
                .flatMap(profiles -> profiles);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("the profile's requests per second are those Gatling starts in each second")
    void scheduleIsGatlingsLayout(LoadProfile profile) {
        // When Gatling lays out the measured injection's users
        long[] gatling = usersPerSecond(Injection.measured(profile, Duration.ZERO));

        // Then
        long[] schedule = profile.requestsPerSecond();
        assertThat(Arrays.copyOf(gatling, Math.max(gatling.length, schedule.length)))
                .containsExactly(Arrays.copyOf(schedule, Math.max(gatling.length, schedule.length)));
    }

    /** Gatling's own layout: the start offsets its injector gives every user, counted per second. */
    private static long[] usersPerSecond(List<OpenInjectionStep> steps) {
        Iterator<FiniteDuration> offsets = Iterator.empty();
        for (int i = steps.size() - 1; i >= 0; i--) {
            offsets = steps.get(i).asScala().chain(offsets);
        }
        long[] perSecond = new long[0];
        while (offsets.hasNext()) {
            int second = Math.toIntExact(offsets.next().toNanos() / NANOS_PER_SECOND);
            if (second >= perSecond.length) {
                perSecond = Arrays.copyOf(perSecond, second + 1);
            }
            perSecond[second]++;
        }
        return perSecond;
    }
}
