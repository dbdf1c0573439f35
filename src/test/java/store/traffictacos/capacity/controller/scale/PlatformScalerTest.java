package store.traffictacos.capacity.controller.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PlatformScaler.NONE")
class PlatformScalerTest {

    @Test
    @DisplayName("accepts every call for a run that scales nothing, without waiting, and restores nothing")
    void noneDoesNothing() {
        // Given targets a scaling run would act on
        List<ScaleTarget> targets = List.of(ScaleTarget.deployment("tacos-app", "inventory-api", 3));

        // When / Then
        assertThatCode(() -> {
                    PlatformScaler.NONE.check(targets);
                    PlatformScaler.NONE.scale("ci-1234", targets);
                    PlatformScaler.NONE.awaitReady(targets, Duration.ZERO);
                })
                .doesNotThrowAnyException();
        assertThat(PlatformScaler.NONE.restore("ci-1234")).isEmpty();
    }
}
