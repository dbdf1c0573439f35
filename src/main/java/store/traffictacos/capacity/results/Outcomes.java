package store.traffictacos.capacity.results;

/** The outcome names of the results file, and which of them count as errors. */
public final class Outcomes {
    public static final String OK = "ok";
    /** The 403 NOT_READY at enter: the queue's expected answer to an early user, not a failure. */
    public static final String NOT_READY = "not_ready";
    /**
     * A 429 answered with {@code X-RateLimit-Remaining: 0}: the client's own bucket was empty, so the
     * platform's per-client limit refused the load test's identity. The outcome is this prefix and the
     * answer's {@code X-RateLimit-Limit}, e.g. {@code rate_limited_10000}, so that the limit reaches the
     * report with the count.
     */
    public static final String RATE_LIMITED_PREFIX = "rate_limited_";

    /** A request still unanswered at its timeout: an error, the platform's. */
    public static final String TIMEOUT = "timeout";

    /**
     * A request that failed without an answer while its runner had no file descriptor left: a connection the
     * runner could not open, the load test's own limit, not the platform's.
     */
    public static final String OUT_OF_DESCRIPTORS = "out_of_descriptors";

    /**
     * A request the runner's own HTTP/2 client refused to send: its pool handed out one stream more than the
     * server allows on a connection, a race in Gatling's client under a burst. Nothing reached the platform: not
     * an error, not an answer, and not sent; the report counts it as the generator's.
     */
    public static final String RUNNER_STREAM_REFUSED = "runner_stream_refused";

    private Outcomes() {}

    /** The request never left the runner ({@link #RUNNER_STREAM_REFUSED}): no answer, no latency, not sent. */
    public static boolean neverSent(String outcome) {
        return RUNNER_STREAM_REFUSED.equals(outcome);
    }

    /**
     * Every failure kind ({@code http_503}, {@code connection}, {@code timeout}, {@code check}, ...); a request
     * that {@link #neverSent never left the runner} is none.
     */
    public static boolean isError(String outcome) {
        return !OK.equals(outcome) && !NOT_READY.equals(outcome) && !neverSent(outcome);
    }

    /**
     * An error that is the platform's answer to the rate offered: every error but a {@link #rateLimited}
     * refusal, which is the load test's own address meeting the per-client limit, and a connection the runner
     * could not open for want of a file descriptor ({@link #OUT_OF_DESCRIPTORS}). The live abort rule
     * judges by this, so that it never stops a run, as the platform's failure, for the generator's identity.
     */
    public static boolean isPlatformError(String outcome) {
        return isError(outcome) && perClientLimit(outcome) < 0 && !OUT_OF_DESCRIPTORS.equals(outcome);
    }

    /** The outcome of a 429 whose client bucket was empty, under a per-client limit of {@code limitRps}. */
    public static String rateLimited(long limitRps) {
        return RATE_LIMITED_PREFIX + limitRps;
    }

    /** The per-client limit a {@link #rateLimited} outcome names; -1 for any other outcome. */
    public static long perClientLimit(String outcome) {
        if (!outcome.startsWith(RATE_LIMITED_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(outcome.substring(RATE_LIMITED_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
