package store.traffictacos.capacity.simulations.runtime;

/** Receives every measured request: when it was sent, and how and how fast it was answered. */
public interface StepListener {

    void sent(long sentEpochMs);

    /**
     * @param outcome {@code ok}, {@code not_ready} (the expected 403 at enter), {@code http_<code>},
     *     {@code rate_limited_<limit>} (a 429 with the client's own bucket empty), {@code check} (right status,
     *     wrong body) or {@code connection} (no response)
     */
    void answered(long sentEpochMs, String endpoint, String outcome, long latencyMicros);
}
