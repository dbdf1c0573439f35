package store.traffictacos.capacity.report;

/** Which recorded outcomes count as errors. */
final class Outcomes {
    static final String OK = "ok";
    /** The 403 NOT_READY at enter: the queue's expected answer to an early user, not a failure. */
    static final String NOT_READY = "not_ready";

    private Outcomes() {
    }

    /** Every failure kind ({@code http_503}, {@code connection}, {@code timeout}, {@code check}, ...). */
    static boolean isError(String outcome) {
        return !OK.equals(outcome) && !NOT_READY.equals(outcome);
    }
}
