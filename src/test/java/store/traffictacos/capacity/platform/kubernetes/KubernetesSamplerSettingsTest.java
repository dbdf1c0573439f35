package store.traffictacos.capacity.platform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("KubernetesSamplerSettings")
class KubernetesSamplerSettingsTest {

    @Test
    @DisplayName("defaults to tacos-app, its five Deployments, an HPA of each one's name, and 5 s")
    void defaults() {
        // When
        KubernetesSamplerSettings settings = KubernetesSamplerSettings.defaults();

        // Then
        assertThat(settings.namespace()).isEqualTo("tacos-app");
        assertThat(settings.deployments())
                .containsExactly(
                        "gateway-api", "reservation-api", "inventory-api", "payment-sim-api", "reservation-worker");
        assertThat(settings.hpas()).isEqualTo(settings.deployments());
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("HPAs left unset follow the Deployments given")
    void hpasFollowDeployments() {
        // When
        KubernetesSamplerSettings settings = new KubernetesSamplerSettings("shop", List.of("api"), null, null);

        // Then
        assertThat(settings.hpas()).containsExactly("api");
    }

    @Test
    @DisplayName("a blank Deployment name is refused")
    void blankName() {
        // When / Then
        assertThatThrownBy(() -> new KubernetesSamplerSettings(null, List.of("api", " "), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deployments");
    }
}
