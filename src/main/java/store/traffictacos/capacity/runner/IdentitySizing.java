package store.traffictacos.capacity.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import store.traffictacos.capacity.profile.LoadProfile;

/**
 * Whether one client identity of the run must send more than the platform's per-client limit. The
 * platform limits each client address (the first {@code X-Forwarded-For} entry, else the peer); a real
 * sale comes from so many buyers that none meets it, but every request of a runner leaves with the
 * runner's one address, and runners behind a NAT share the NAT's. An identity over the limit gets 429s
 * that measure the load test's address, not the platform's capacity, so such a plan is refused before
 * anything is created.
 *
 * @param perIdentityPeakRps the most one identity sends at the profile's peak
 * @param reasoning what {@code run} prints beside the runner sizing
 * @param refusal why the plan is refused, with the ways out; empty when it passes
 */
public record IdentitySizing(double perIdentityPeakRps, List<String> reasoning, Optional<String> refusal) {
    /** The production gateway's per-client limit, what a run spec assumes unless told otherwise. */
    public static final long DEFAULT_PER_CLIENT_LIMIT_RPS = 10_000;

    public IdentitySizing {
        reasoning = List.copyOf(reasoning);
    }

    /**
     * Where the runners' requests come from when they do not spread their identity.
     *
     * @param shared all runners leave from one address (one machine, or a NAT gateway)
     * @param description e.g. {@code one address per runner (its pod's)}
     */
    public record Sources(boolean shared, String description) {}

    /**
     * @param clientIps addresses spread across the runners ({@code client.ips}); 0: the runners' own
     * @param perClientLimitRps the platform's per-client limit; 0: none
     * @param sources where the runners' requests come from without {@code client.ips}
     */
    public static IdentitySizing of(
            LoadProfile profile, int runners, int clientIps, long perClientLimitRps, Sources sources) {
        double peak = profile.peakRps();
        double runnerShare = peak / runners;
        List<String> lines = new ArrayList<>();
        lines.add(
                perClientLimitRps == 0
                        ? "per-client limit: none declared (platform.perClientLimitRps: 0)"
                        : format(
                                "per-client limit: %,d req/s per client address (platform.perClientLimitRps)",
                                perClientLimitRps));
        double perIdentity;
        if (clientIps == 0) {
            perIdentity = sources.shared() ? peak : runnerShare;
            lines.add(format("identities: %s: %,.0f req/s at peak each", sources.description(), perIdentity));
        } else {
            int fewestPerRunner = clientIps / runners;
            perIdentity = runnerShare / fewestPerRunner;
            lines.add(format(
                    "identities: %,d client addresses in 198.18.0.0/15 (client.ips), at least %,d per runner: about"
                            + " %,.1f req/s at peak each",
                    clientIps, fewestPerRunner, perIdentity));
        }
        if (perClientLimitRps == 0 || perIdentity <= perClientLimitRps) {
            return new IdentitySizing(perIdentity, lines, Optional.empty());
        }
        int identitiesNeeded = (int) Math.ceil(peak / perClientLimitRps - 1e-9);
        String refusal = format(
                "one client identity must send %,.0f req/s at peak (%s), more than the platform's per-client limit"
                        + " of %,d req/s: its answers would be 429 RATE_LIMITED, the load test's own address, not"
                        + " capacity. Ways out: more runners with addresses of their own (--runners %d or more, on"
                        + " the kubernetes backend against an in-cluster target: runners behind a NAT share its"
                        + " address), spread the identity (--client-ips N, N at least %d, if the platform keys its"
                        + " limit on X-Forwarded-For), or declare the platform's limit (platform.perClientLimitRps,"
                        + " --per-client-limit-rps; 0 = none)",
                perIdentity,
                clientIps == 0 ? sources.description() : "client.ips " + clientIps,
                perClientLimitRps,
                identitiesNeeded,
                identitiesNeeded);
        return new IdentitySizing(perIdentity, lines, Optional.of(refusal));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
