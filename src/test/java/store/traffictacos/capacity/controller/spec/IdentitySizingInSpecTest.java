package store.traffictacos.capacity.controller.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.controller.RunSpec;

@DisplayName("RunSpecFile: client identities and the platform's per-client limit")
class IdentitySizingInSpecTest {
    private static RunSpec spec(String yaml) {
        return RunSpecFile.parse(yaml, "spec.yaml").toSpec("run-default");
    }

    @Test
    @DisplayName("local runners share this machine's address: 40k at peak from it is refused, with the ways out")
    void localRunOverTheLimitRefused() {
        assertThatThrownBy(() -> spec("profile: 30k\n"))
                .hasMessageStartingWith("one client identity must send 40,000 req/s at peak (one address for all"
                        + " runners, this machine's), more than the platform's per-client limit of 10,000 req/s")
                .hasMessageContaining("--runners 4 or more")
                .hasMessageContaining("--client-ips N, N at least 4")
                .hasMessageContaining("platform.perClientLimitRps")
                .hasMessageContaining("runners behind a NAT share its address");
    }

    @Test
    @DisplayName("client.ips spreads the runners' identity: 40k over 1,000 addresses passes, and the runners get it")
    void clientIpsPasses() {
        // When
        RunSpec spec = spec("profile: 30k\nclient: {ips: 1000}\n");

        // Then
        assertThat(spec.runner().clientIps()).isEqualTo(1000);
        assertThat(spec.runner().clientAddresses(0).size()).isEqualTo(1000 / spec.runners());
    }

    @Test
    @DisplayName("a declared per-client limit is the one checked: 0 means none")
    void declaredLimit() {
        assertThat(spec("profile: 30k\nplatform: {perClientLimitRps: 0}\n")
                        .runner()
                        .clientIps())
                .isZero();
        assertThatThrownBy(() -> spec("profile: smoke\nplatform: {perClientLimitRps: 1}\n"))
                .hasMessageContaining("more than the platform's per-client limit of 1 req/s");
    }

    @Test
    @DisplayName("pods towards an in-cluster target each have their own address; towards a public one, the NAT's")
    void kubernetesSources() {
        // Given 40k over 8 pods: 5,000 each
        String pods = "profile: 30k\nbackend: kubernetes\nrunners: 8\n";

        // When / Then
        assertThat(spec(pods + "target: http://gateway-api.tacos-app.svc.cluster.local:8000\n")
                        .runners())
                .isEqualTo(8);
        assertThatThrownBy(() -> spec(pods + "target: https://api.traffictacos.store\n"))
                .hasMessageContaining("the NAT gateway's");
    }
}
