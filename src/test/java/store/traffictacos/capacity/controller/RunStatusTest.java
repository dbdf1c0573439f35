package store.traffictacos.capacity.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RunStatus")
class RunStatusTest {
    @Test
    @DisplayName("the stage only moves forward")
    void forwardOnly() {
        // Given
        RunStatus barrier = RunStatus.pending("r", 0).enter(Stage.VALIDATE, 1).enter(Stage.BARRIER, 2);

        // When / Then
        assertThatThrownBy(() -> barrier.enter(Stage.SCALE, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run r cannot go from barrier back to scale");
        assertThatThrownBy(() -> barrier.enter(Stage.BARRIER, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("the first failure is kept through the wind-down, and the run ends FAILED with it")
    void firstFailureKept() {
        // Given a run failing at the barrier, then failing again while cleaning up
        RunStatus status = RunStatus.pending("r", 0)
                .enter(Stage.BARRIER, 1)
                .fail("barrier: 1 of 2 ready")
                .enter(Stage.COLLECT, 2)
                .enter(Stage.CLEAN_UP, 3)
                .fail("clean-up: forbidden");

        // When
        RunStatus finished = status.finish(4);

        // Then
        assertThat(finished.stage()).isEqualTo(Stage.FAILED);
        assertThat(finished.failure()).isEqualTo(new RunStatus.Failure(Stage.BARRIER, "barrier: 1 of 2 ready"));
        assertThat(finished.reached(Stage.COLLECT)).isTrue();
        assertThat(finished.reached(Stage.SCALE)).isFalse();
    }

    @Test
    @DisplayName("a run without failure ends DONE")
    void done() {
        assertThat(RunStatus.pending("r", 0).enter(Stage.REPORT, 1).finish(2).stage())
                .isEqualTo(Stage.DONE);
    }
}
