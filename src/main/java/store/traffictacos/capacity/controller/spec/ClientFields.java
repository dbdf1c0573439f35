package store.traffictacos.capacity.controller.spec;

/** The run spec's {@code client:} section: the identity the runners' requests carry. */
public final class ClientFields {
    private Integer ips;

    /** Client addresses spread across the runners in {@code X-Forwarded-For} ({@code client.ips}); 0: none. */
    public void setIps(int ips) {
        if (ips < 0) {
            throw new IllegalArgumentException("ips: must be 0 (none) or more, got " + ips);
        }
        this.ips = ips;
    }

    /** Null when not given: the {@code simulation:} section's {@code client.ips}, else none. */
    Integer ips() {
        return ips;
    }
}
