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
    LEAVE("leave"),
    /**
     * A second enter after a granted one: the platform must refuse it (the token has entered). Named apart
     * from {@code enter}, so that a refusal, its expected answer, counts in no enter figure.
     */
    PROBE_ENTER("enter_probe"),
    /** A confirm of a fresh hold with a payment intent that names nothing: the platform must refuse it. */
    PROBE_CONFIRM("confirm_probe");

    private final String endpoint;

    Step(String endpoint) {
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
