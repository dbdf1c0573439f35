package store.traffictacos.capacity.simulations;

import io.gatling.javaapi.core.Simulation;
import store.traffictacos.capacity.simulations.run.CapacityRun;

/**
 * The ticketing journey at the profile's exact request rate. Configured by system properties
 * ({@code -Dprofile=local}, {@code -Dtarget.url=...}, see the README); with none, runs the
 * {@code local} profile against the embedded reference target.
 */
public class TicketingSimulation extends Simulation {
    private final CapacityRun run = CapacityRun.fromSystem();

    {
        setUp(run.populations()).protocols(run.protocol()).maxDuration(run.maxDuration());
    }

    @Override
    public void before() {
        run.begin();
    }

    @Override
    public void after() {
        run.finish();
    }
}
