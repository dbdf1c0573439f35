package store.traffictacos.capacity.simulations.endpoints;

import static io.gatling.javaapi.http.HttpDsl.header;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import store.traffictacos.capacity.results.Outcomes;

/**
 * Tells the platform's per-client rate limit apart from its other refusals: a 429 whose
 * {@code X-RateLimit-Remaining} is 0 came with the client's own bucket empty ({@link
 * Outcomes#rateLimited}). The headers are read only from 429 answers, so the answers that pass cost
 * nothing more than the status test.
 */
public final class RateLimitHeaders {
    static final String REMAINING = "rateLimitRemaining";
    static final String LIMIT = "rateLimitLimit";

    /** The last limit named, so that a run of rejections under one limit builds its outcome once. */
    private static volatile Named lastNamed = new Named("", "");

    private record Named(String limitHeader, String outcome) {}

    private RateLimitHeaders() {}

    /** Every request of {@code protocol} saves the two headers of a 429 answer. */
    public static HttpProtocolBuilder readOnRejection(HttpProtocolBuilder protocol) {
        return protocol.checkIf((response, session) -> response.status().code() == 429)
                .then(
                        header("X-RateLimit-Remaining").optional().saveAs(REMAINING),
                        header("X-RateLimit-Limit").optional().saveAs(LIMIT));
    }

    /**
     * The {@link Outcomes#rateLimited} outcome of a 429 answer that said the client's bucket was empty
     * and under which limit; null for any other answer (a 429 without those headers is the platform's
     * own refusal, an {@code http_429}).
     */
    public static String rateLimitedOutcome(Session session) {
        if (!"0".equals(session.getString(REMAINING)) || !session.contains(LIMIT)) {
            return null;
        }
        String limit = session.getString(LIMIT);
        Named named = lastNamed;
        if (named.limitHeader().equals(limit)) {
            return named.outcome();
        }
        long limitRps;
        try {
            limitRps = Long.parseLong(limit.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        String outcome = Outcomes.rateLimited(limitRps);
        lastNamed = new Named(limit, outcome);
        return outcome;
    }
}
