package store.traffictacos.capacity.runner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the runners' journeys present themselves and what they do.
 *
 * @param userAgent the production WAF exempts only {@value #DEFAULT_USER_AGENT} from its per-IP limit
 * @param auth the platform's load-test bypass, or a real JWT per user (its secret from the environment)
 * @param purchaseShare share of journeys that go past enter (hold, pay, confirm)
 * @param events journeys pick {@code evt_1 … evt_<events>}
 * @param probeShare share of journeys that also probe once where the platform must refuse (a second enter, a
 *     confirm before paying), so that the invariant checks see a platform that admits twice or confirms unpaid
 * @param seatsPerEvent the seats each event has, when known (selling more is an invariant broken); 0: not known
 *     (the embedded target's own stock is known without it)
 */
public record Journeys(
        String userAgent, Auth auth, double purchaseShare, int events, double probeShare, int seatsPerEvent) {
    private static final String USER_AGENT = "user.agent";
    private static final String AUTH = "auth";
    private static final String PURCHASE_SHARE = "journey.purchase.share";
    private static final String EVENTS = "journey.events";
    private static final String PROBE_SHARE = "journey.probe.share";
    private static final String SEATS_PER_EVENT = "journey.seats.per.event";

    /** Few requests, enough to catch a platform that errs every time. */
    public static final double DEFAULT_PROBE_SHARE = 0.02;

    public static final String DEFAULT_USER_AGENT = "k6-load-test/1.0";

    /** How journeys authenticate; the names are the {@code -Dauth} values. */
    public enum Auth {
        BYPASS,
        JWT;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Journeys {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("-D" + USER_AGENT + ": must not be empty");
        }
        if (!(purchaseShare >= 0 && purchaseShare <= 1)) {
            throw new IllegalArgumentException("-D" + PURCHASE_SHARE + ": must be within 0..1, got " + purchaseShare);
        }
        if (events < 1) {
            throw new IllegalArgumentException("-D" + EVENTS + ": must be at least 1, got " + events);
        }
        if (!(probeShare >= 0 && probeShare <= 1)) {
            throw new IllegalArgumentException("-D" + PROBE_SHARE + ": must be within 0..1, got " + probeShare);
        }
        if (seatsPerEvent < 0) {
            throw new IllegalArgumentException(
                    "-D" + SEATS_PER_EVENT + ": must be at least 1 (or 0: not known), got " + seatsPerEvent);
        }
    }

    public static Journeys defaults() {
        return new Journeys(DEFAULT_USER_AGENT, Auth.BYPASS, 0.5, 100, DEFAULT_PROBE_SHARE, 0);
    }

    static Journeys fromProperties(Map<String, String> properties) {
        Journeys defaults = defaults();
        String userAgent = RunnerSettings.blankToNull(properties.get(USER_AGENT));
        return new Journeys(
                userAgent == null ? defaults.userAgent : userAgent.strip(),
                auth(RunnerSettings.blankToNull(properties.get(AUTH))),
                RunnerSettings.decimal(
                        PURCHASE_SHARE,
                        RunnerSettings.blankToNull(properties.get(PURCHASE_SHARE)),
                        defaults.purchaseShare),
                RunnerSettings.integer(EVENTS, RunnerSettings.blankToNull(properties.get(EVENTS)), defaults.events),
                RunnerSettings.decimal(
                        PROBE_SHARE, RunnerSettings.blankToNull(properties.get(PROBE_SHARE)), defaults.probeShare),
                RunnerSettings.integer(
                        SEATS_PER_EVENT,
                        RunnerSettings.blankToNull(properties.get(SEATS_PER_EVENT)),
                        defaults.seatsPerEvent));
    }

    Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(USER_AGENT, userAgent);
        properties.put(AUTH, auth.key());
        properties.put(PURCHASE_SHARE, RunnerSettings.number(purchaseShare));
        properties.put(EVENTS, Integer.toString(events));
        properties.put(PROBE_SHARE, RunnerSettings.number(probeShare));
        properties.put(SEATS_PER_EVENT, Integer.toString(seatsPerEvent));
        return properties;
    }

    private static Auth auth(String value) {
        if (value == null) {
            return Auth.BYPASS;
        }
        for (Auth auth : Auth.values()) {
            if (auth.key().equals(value.strip())) {
                return auth;
            }
        }
        throw new IllegalArgumentException("-D" + AUTH + ": must be 'bypass' or 'jwt', got '" + value + "'");
    }
}
