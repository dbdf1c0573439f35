package store.traffictacos.capacity.results;

/** The outcome names of the results file, and which of them count as errors. */
public final class Outcomes {
    public static final String OK = "ok";
    /** The 403 NOT_READY at enter: the queue's expected answer to an early user, not a failure. */
    public static final String NOT_READY = "not_ready";
    /** A request still unanswered at its timeout: an error, the platform's. */
    public static final String TIMEOUT = "timeout";

    private Outcomes() {}

    /** Every failure kind ({@code http_503}, {@code connection}, {@code timeout}, {@code check}, ...). */
    public static boolean isError(String outcome) {
        return !OK.equals(outcome) && !NOT_READY.equals(outcome);
    }
}
