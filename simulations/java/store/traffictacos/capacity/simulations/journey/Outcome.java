package store.traffictacos.capacity.simulations.journey;

/** What a step's response means for the journey. */
public enum Outcome {
    /** The step did what the contract says (for status: still waiting). */
    OK,
    /** Status said ready_for_entry. */
    READY,
    /** Enter answered the expected 403 NOT_READY: back to polling, counted apart. */
    NOT_READY,
    /** Anything else: an HTTP error, a failed check, a timeout or a broken connection. */
    FAILED
}
