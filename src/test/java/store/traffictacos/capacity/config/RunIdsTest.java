package store.traffictacos.capacity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RunIds")
class RunIdsTest {
    @ParameterizedTest(name = "'{0}'")
    @ValueSource(strings = {"../../tmp/x", "a/b", "Nightly", "-x", "x-", "", "a_b"})
    @DisplayName("a run id that could leave reports/, nest a folder or break an object name is refused")
    void refused(String runId) {
        assertThatThrownBy(() -> RunIds.check(runId)).hasMessageStartingWith("must be 1 to 48 lower-case letters");
    }

    @Test
    @DisplayName("the default id is the prefix and the local time")
    void stamped() {
        assertThat(RunIds.check(RunIds.stamped("run", LocalDateTime.of(2026, 12, 6, 9, 5, 7))))
                .isEqualTo("run-20261206-090507");
    }
}
