package store.traffictacos.capacity.controller.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.scale.ScaleTarget.Kind;

@DisplayName("ScaleTarget")
class ScaleTargetTest {

    @Test
    @DisplayName("describes itself as '<kind> <namespace>/<name>', the way every message names it")
    void describes() {
        // Given / When / Then
        assertThat(ScaleTarget.hpa("tacos-app", "ticket-api", 10).describe()).isEqualTo("hpa tacos-app/ticket-api");
        assertThat(ScaleTarget.deployment("tacos-app", "inventory-api", 3).describe())
                .isEqualTo("deployment tacos-app/inventory-api");
    }

    @Test
    @DisplayName("negative Deployment replicas are refused")
    void negativeReplicas() {
        // Given / When / Then
        assertThatThrownBy(() -> ScaleTarget.deployment("tacos-app", "inventory-api", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment tacos-app/inventory-api: replicas must not be negative, was -1");
    }

    @Test
    @DisplayName("an HPA floor below 1 is refused")
    void floorBelowOne() {
        // Given / When / Then
        assertThatThrownBy(() -> ScaleTarget.hpa("tacos-app", "ticket-api", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api: minReplicas must be at least 1, was 0");
    }

    @Test
    @DisplayName("an HPA floor above its ceiling is refused")
    void floorAboveCeiling() {
        // Given / When / Then
        assertThatThrownBy(() -> ScaleTarget.hpa("tacos-app", "ticket-api", 50, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api: minReplicas 50 is above maxReplicas 20");
    }

    @Test
    @DisplayName("an HPA without a floor is refused")
    void hpaWithoutFloor() {
        // Given / When / Then
        assertThatThrownBy(() -> new ScaleTarget(Kind.HPA, "tacos-app", "ticket-api", null, 20, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api needs minReplicas");
    }

    @Test
    @DisplayName("a Deployment without replicas is refused")
    void deploymentWithoutReplicas() {
        // Given / When / Then
        assertThatThrownBy(() -> new ScaleTarget(Kind.DEPLOYMENT, "tacos-app", "inventory-api", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment tacos-app/inventory-api needs replicas");
    }

    @Test
    @DisplayName("values of the other kind are refused rather than ignored")
    void valuesOfTheOtherKind() {
        // Given / When / Then
        assertThatThrownBy(() -> new ScaleTarget(Kind.HPA, "tacos-app", "ticket-api", 10, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpa tacos-app/ticket-api takes minReplicas and maxReplicas, not replicas");
        assertThatThrownBy(() -> new ScaleTarget(Kind.DEPLOYMENT, "tacos-app", "inventory-api", 3, null, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployment tacos-app/inventory-api takes replicas, not minReplicas or maxReplicas");
    }

    @Test
    @DisplayName("a target without a namespace is refused")
    void withoutNamespace() {
        // Given / When / Then
        assertThatThrownBy(() -> ScaleTarget.deployment(" ", "inventory-api", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a scale target needs a namespace and a name, got  /inventory-api");
    }
}
