package store.traffictacos.capacity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import store.traffictacos.capacity.config.Uris;
import store.traffictacos.capacity.controller.RunSpec;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.runner.ClientAddressPool;
import store.traffictacos.capacity.runner.InFlightBudget;
import store.traffictacos.capacity.runner.RunnerCapacity;
import store.traffictacos.capacity.runner.TransportLimits;

/**
 * What {@code run --dry-run} prints: the whole plan of a checked run spec (the runners, each one's share
 * and in-flight budget, the identities its requests carry, the checks it passed), computed without
 * creating anything.
 */
final class RunPlan {
    private RunPlan() {}

    static List<String> lines(RunSpec spec) {
        LoadProfile profile = spec.profile();
        List<String> lines = new ArrayList<>();
        lines.add(format(
                "plan: run %s, profile %s (peak %,.0f req/s, %d s) on %d runner(s), %s backend, target %s",
                spec.runId(),
                profile.name(),
                profile.peakRps(),
                profile.totalDuration().toSeconds(),
                spec.runners(),
                spec.backend().name().toLowerCase(Locale.ROOT),
                spec.target() == null ? "embedded" : Uris.redact(spec.target())));
        for (int index = 0; index < spec.runners(); index++) {
            double sharePeak = profile.shard(index, spec.runners()).peakRps();
            // the runner's own machine sets its transport's room; this one's is the closest known here
            InFlightBudget budget = InFlightBudget.of(spec.runner(), sharePeak, TransportLimits.ofThisJvm(), 1);
            lines.add(format(
                    "runner %d: share peak %,.0f req/s; %s; identity: %s",
                    index, sharePeak, budget.reasoning(), identity(spec.runner().clientAddresses(index))));
        }
        spec.scale().forEach(target -> lines.add("pre-scale: " + target));
        lines.add(format(
                "checks passed: each share within one runner's sustained %,.0f req/s; no client identity over the"
                        + " platform's per-client limit",
                RunnerCapacity.SUSTAINED_RPS));
        lines.add("dry run: nothing created (no runner, no Kubernetes object, no run folder)");
        return lines;
    }

    private static String identity(ClientAddressPool addresses) {
        return addresses.spread()
                ? format(
                        "%,d client addresses %s to %s in X-Forwarded-For",
                        addresses.size(), addresses.address(0), addresses.address(addresses.size() - 1))
                : "its own address (shared with every runner behind the same NAT)";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
