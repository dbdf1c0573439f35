package store.traffictacos.capacity.simulations.journey;

/** One HTTP request of the ticketing journey; the name is the endpoint in every report. */
public enum Step {
    JOIN("join"),
    STATUS("status"),
    ENTER("enter"),
    HOLD("hold"),
    PAYMENT_INTENT("payment_intent"),
    PAYMENT_PROCESS("payment_process"),
    CONFIRM("confirm"),
    LEAVE("leave");

    private final String endpoint;

    Step(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
