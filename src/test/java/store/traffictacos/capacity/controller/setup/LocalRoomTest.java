package store.traffictacos.capacity.controller.setup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.Phase;

@DisplayName("Local backend: runner JVMs against the machine's cores")
class LocalRoomTest {
    private static LoadProfile peak(double rps) {
        return new LoadProfile("p", List.of(Phase.constant("peak", Duration.ofSeconds(10), rps)));
    }

    @Test
    @DisplayName("three light runners fit on 2 cores: each needs half a core")
    void lightRunnersFit() {
        assertThatCode(() -> new LocalRoom(2).check(peak(300), 3)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a 100,000 req/s profile's 7 runners on 2 cores are refused with the numbers and the ways out")
    void heavyRunnersRefused() {
        assertThatThrownBy(() -> new LocalRoom(2).check(peak(100_000), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the local backend cannot hold 7 runner JVMs on this machine: each needs 1.8 "
                        + "core(s) for 14,286 req/s")
                .hasMessageContaining("12.5 in all, and it has 2")
                .hasMessageContaining("--backend kubernetes");
    }

    @Test
    @DisplayName("five light runners on 2 cores are refused: half a core each is the least a runner JVM needs")
    void tooManyLightRunners() {
        assertThatThrownBy(() -> new LocalRoom(2).check(peak(300), 5)).hasMessageContaining("2.5 in all");
    }
}
