package store.traffictacos.capacity.simulations.endpoints;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;
import store.traffictacos.capacity.runner.ClientAddressPool;

/** The {@code X-Forwarded-For} a request carries when the run spreads its identity ({@code client.ips}). */
public final class ClientHeader {
    private ClientHeader() {}

    /**
     * A journey's request names the journey's address; a warm-up request, which belongs to no journey, the
     * runner's first. Both strings exist already: a request allocates none.
     */
    public static Function<Session, String> forwardedFor(ClientAddressPool addresses) {
        String warmUp = addresses.address(0);
        return session ->
                session.contains(Sessions.REQUEST) ? Sessions.journey(session).clientAddress() : warmUp;
    }
}
