package store.traffictacos.capacity.runner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each arrival sends: the ticketing journey, or, to measure the generator itself, only {@code GET
 * /api/v1/queue/status} for one waiting token, with the journey's checks, timeout, in-flight bound, pacing and
 * results. The second is plain Gatling's work in a benchmark, sent through the runner's own machinery; it
 * creates no journey on the platform.
 *
 * @param journey what arrivals send
 * @param statusToken the waiting token every status request asks about; null: on the embedded target, the
 *     runner joins one for itself (a given platform must be given one, since the runner creates nothing there)
 */
public record Workload(Journey journey, String statusToken) {
    private static final String JOURNEY = "journey";
    private static final String STATUS_TOKEN = "journey.status.token";

    /** The {@code -Djourney} values. */
    public enum Journey {
        TICKETING("ticketing"),
        STATUS_ONLY("status-only");

        private final String key;

        Journey(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Workload {
        if (journey == null) {
            throw new IllegalArgumentException("-D" + JOURNEY + ": must be given");
        }
        if (statusToken != null && journey != Journey.STATUS_ONLY) {
            throw new IllegalArgumentException(
                    "-D" + STATUS_TOKEN + ": only with -D" + JOURNEY + "=" + Journey.STATUS_ONLY.key());
        }
        if (statusToken != null && (statusToken.isBlank() || !statusToken.equals(statusToken.strip()))) {
            throw new IllegalArgumentException(
                    "-D" + STATUS_TOKEN + ": must be a token without spaces around it, got '" + statusToken + "'");
        }
    }

    public static Workload defaults() {
        return new Workload(Journey.TICKETING, null);
    }

    public boolean statusOnly() {
        return journey == Journey.STATUS_ONLY;
    }

    /**
     * Refuses a status-only run of a given platform without a token: the runner would otherwise have to join the
     * platform's waiting room itself.
     *
     * @param embedded the target is the reference target this JVM starts
     */
    public void requireToken(boolean embedded) {
        if (statusOnly() && statusToken == null && !embedded) {
            throw new IllegalArgumentException("-D" + JOURNEY + "=" + Journey.STATUS_ONLY.key() + " against a given "
                    + "target needs -D" + STATUS_TOKEN + "=<a waiting token>: the runner creates no journey there");
        }
    }

    static Workload fromProperties(Map<String, String> properties) {
        String journey = RunnerSettings.blankToNull(properties.get(JOURNEY));
        String token = properties.get(STATUS_TOKEN);
        return new Workload(journey(journey), token == null || token.isEmpty() ? null : token);
    }

    Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(JOURNEY, journey.key());
        if (statusToken != null) {
            properties.put(STATUS_TOKEN, statusToken);
        }
        return properties;
    }

    private static Journey journey(String value) {
        if (value == null) {
            return Journey.TICKETING;
        }
        for (Journey journey : Journey.values()) {
            if (journey.key().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return journey;
            }
        }
        throw new IllegalArgumentException(
                "-D" + JOURNEY + ": must be 'ticketing' or 'status-only', got '" + value + "'");
    }
}
