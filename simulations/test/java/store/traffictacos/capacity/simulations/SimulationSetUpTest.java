package store.traffictacos.capacity.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.simulations.run.CapacityRun;

@DisplayName("Simulation set-up")
class SimulationSetUpTest {

    /** What Gatling does before it instantiates a simulation: load its configuration. */
    @BeforeAll
    static void loadGatlingConfiguration() {
        io.gatling.core.Predef$.MODULE$._configuration_$eq(io.gatling.core.config.GatlingConfiguration$.MODULE$.load());
    }

    @Test
    @DisplayName("every simulation builds its setUp for every built-in profile without sending load")
    void buildsWithoutLoad(@TempDir Path reports) throws Exception {
        for (String profile : new String[] {"local", "smoke", "10k", "30k"}) {
            // Given
            // (runner 0 of 6, so that even 30k stays within one runner's limit; a 1 s warm-up, which also
            // bounds the embedded target's)
            Map<String, String> properties = Map.of(
                    "profile",
                    profile,
                    "run.id",
                    profile,
                    "runner.count",
                    "6",
                    "warmup.seconds",
                    "1",
                    "reports.dir",
                    reports.resolve(profile).toString());
            System.getProperties().putAll(properties);
            try {
                // When the simulation is built and closed without Gatling running it
                TicketingSimulation simulation = new TicketingSimulation();
                simulation.after();
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }

            // Then no journey was started
            assertThat(new ObjectMapper()
                            .readTree(reports.resolve(profile)
                                    .resolve("runner-0")
                                    .resolve(CapacityRun.JOURNEYS_FILE)
                                    .toFile())
                            .get("started")
                            .asLong())
                    .as(profile)
                    .isZero();
        }
    }
}
