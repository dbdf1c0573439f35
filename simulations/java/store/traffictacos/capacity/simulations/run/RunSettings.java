package store.traffictacos.capacity.simulations.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import store.traffictacos.capacity.config.RunIds;
import store.traffictacos.capacity.emulator.Fault;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.runner.Journeys;
import store.traffictacos.capacity.runner.RunFolder;
import store.traffictacos.capacity.runner.RunnerSettings;
import store.traffictacos.capacity.runner.StartInstant;
import store.traffictacos.capacity.simulations.endpoints.Auth;
import store.traffictacos.capacity.simulations.journey.JourneyPlan;

/**
 * One runner's settings resolved for its run: what it was told ({@link RunnerSettings}, read once from
 * system properties), its index, its share of the profile, the instant its measured load starts, its
 * journeys' authentication and plan, and what its report judges by. Nothing else reads properties.
 *
 * @param startAtEpochMs the instant measured load begins (all runners together); unused with a start signal
 * @param startSignal where a controlled runner gets the start instant once it is ready; null:
 *     {@code startAtEpochMs}
 * @param targetFaults defects the embedded target answers with ({@code -Dtarget.fault=oversell,...}, see {@link
 *     Fault}), to prove the invariant checks; only without {@code -Dtarget.url}
 */
public record RunSettings(
        RunnerSettings runner,
        int runnerIndex,
        LoadProfile profile,
        long startAtEpochMs,
        StartInstant startSignal,
        Auth auth,
        JourneyPlan plan,
        ReportSettings report,
        Set<Fault> targetFaults) {

    private static final String TARGET_FAULT = "target.fault";

    /** Time Gatling needs between reading the settings and injecting its first user. */
    public static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(3);

    /**
     * @param properties the JVM's system properties (or a test's)
     * @param env the environment: a runner's index, the JWT secret
     */
    public static RunSettings from(Map<String, String> properties, Map<String, String> env, long nowEpochMs) {
        RunnerSettings runner = RunnerSettings.fromProperties(properties, RunIds.stamped("run", LocalDateTime.now()))
                .requireReachableTarget();
        int index = runner.runnerIndex(properties, env);
        long earliestStart = nowEpochMs + STARTUP_ALLOWANCE.toMillis();
        Long startAt = runner.start().atEpochMs();
        if (startAt != null && startAt < earliestStart) {
            throw new IllegalArgumentException("-Dstart.at: " + startAt + " is less than "
                    + STARTUP_ALLOWANCE.toSeconds() + " s ahead of this runner's clock (" + nowEpochMs + ")");
        }
        Journeys journeys = runner.journeys();
        JourneyPlan standard = JourneyPlan.standard(journeys.purchaseShare());
        return new RunSettings(
                runner,
                index,
                runner.profile().profile().shard(index, runner.runnerCount()),
                startAt != null ? startAt : earliestStart + runner.warmUp().toMillis(),
                runner.start().startInstant(),
                auth(journeys.auth(), RunnerSettings.jwtSecret(properties, env)),
                new JourneyPlan(
                        journeys.events(),
                        standard.purchaseShare(),
                        standard.pollMin(),
                        standard.pollMax(),
                        standard.maxPolls(),
                        standard.maxWait(),
                        standard.seatsPerHold(),
                        standard.priceKrw(),
                        journeys.probeShare()),
                runner.sloFile() == null ? ReportSettings.defaults() : SloFile.settings(runner.sloFile()),
                targetFaults(properties.get(TARGET_FAULT), runner));
    }

    private static Set<Fault> targetFaults(String keys, RunnerSettings runner) {
        Set<Fault> faults;
        try {
            faults = Fault.parse(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + TARGET_FAULT + ": " + e.getMessage(), e);
        }
        if (!faults.isEmpty() && runner.target() != null) {
            throw new IllegalArgumentException(
                    "-D" + TARGET_FAULT + ": only the embedded target takes faults, not -Dtarget.url");
        }
        return faults;
    }

    /** The whole run's profile; {@link #profile()} is this runner's share of it. */
    public LoadProfile fullProfile() {
        return runner.profile().profile();
    }

    /** The platform's URL; null: start the embedded reference target. */
    public URI targetUrl() {
        return runner.target();
    }

    public int runnerCount() {
        return runner.runnerCount();
    }

    public String runId() {
        return runner.runId();
    }

    public RunFolder folder() {
        return runner.folder();
    }

    public Path reportsDir() {
        return folder().dir();
    }

    public Duration warmUp() {
        return runner.warmUp();
    }

    private static Auth auth(Journeys.Auth mode, String secret) {
        if (mode == Journeys.Auth.BYPASS) {
            return new Auth.Bypass();
        }
        if (secret == null) {
            throw new IllegalArgumentException("-Dauth=jwt needs -Djwt.secret=... or env TACOS_JWT_SECRET");
        }
        return new Auth.Jwt(secret);
    }
}
