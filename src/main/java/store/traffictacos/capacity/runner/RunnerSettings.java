package store.traffictacos.capacity.runner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import store.traffictacos.capacity.config.RunIds;
import store.traffictacos.capacity.config.Uris;

/**
 * Everything a runner is told, as one typed value: the contract between the controller (which builds
 * it and hands it over as properties: a file for a local runner JVM, a ConfigMap for a pod) and the
 * runner (the {@code runner} command and {@code mvn gatling:test}, which read it from properties). The
 * property keys are the {@code -D} options of {@code mvn gatling:test} (docs/simulation.md); they
 * are spelled here only, and every value is checked here only.
 *
 * <p>Not in it: the runner's index, which is each runner's own ({@link #runnerIndex}), and the JWT
 * secret, which travels in the environment ({@link #jwtSecret}), never in a ConfigMap.
 *
 * @param target the platform; null: the embedded reference target
 * @param profile the whole run's profile (a runner takes its share)
 * @param start when the measured load begins
 * @param warmUp the longest warm-up before the start instant
 * @param maxInFlight requests a runner may have outstanding; 0: its share's peak × the request timeout, capped by
 *     what its transport can hold ({@link InFlightBudget})
 * @param maxRps the highest share a runner accepts
 * @param platformRedis the platform's Redis to sample INFO from (runner 0); null: none
 * @param sloFile what the report judges by; null: the runbook's SLOs
 * @param reportsDir the run's folder ({@link RunFolder}); null: {@code reports/<runId>}
 * @param controlled run by the controller: prints machine-read progress lines for the merged console
 * @param resultsToLog prints the results folder into the output at the end, for runners whose files the
 *     controller cannot reach (Kubernetes pods)
 * @param transport the HTTP version, the request timeout and the trusted certificates
 * @param failBuild a lone runner whose report is not a PASS ends its JVM with exit code
 *     {@value #EXIT_NOT_PASSED}, which fails {@code mvn gatling:test} (the pom sets it; {@code
 *     -Dverdict.failBuild=false} keeps the build green for who only wants the report); never for a
 *     controlled runner, whose controller judges the run
 * @param clientIps addresses the run's journeys carry in {@code X-Forwarded-For}, split across its runners
 *     ({@link ClientAddressPool}); 0: none, every request leaves with its runner's own address
 * @param cleanup delete the platform's test data after the run ({@link TestDataCleanup}); null: only on the
 *     embedded target ({@link #cleanupAfter})
 * @param invariants keep the ledger of the sale for the invariant checks ({@code -Dinvariants=on}, the default);
 *     off for a platform without a purchase path, or to measure the bookkeeping's cost: the ledger records
 *     nothing and the report says the invariants were not checked
 * @param workload what each arrival sends: the ticketing journey, or only GET status to measure the generator
 */
public record RunnerSettings(
        String runId,
        URI target,
        ProfileChoice profile,
        int runnerCount,
        StartPlan start,
        Duration warmUp,
        Journeys journeys,
        int maxInFlight,
        double maxRps,
        URI platformRedis,
        Path sloFile,
        Path reportsDir,
        boolean controlled,
        boolean resultsToLog,
        Transport transport,
        boolean failBuild,
        int clientIps,
        @Nullable Boolean cleanup,
        boolean invariants,
        Workload workload) {

    private static final String RUN_ID = "run.id";
    private static final String TARGET = "target.url";
    private static final String RUNNER_COUNT = "runner.count";
    private static final String RUNNER_INDEX = "runner.index";
    private static final String WARM_UP = "warmup.seconds";
    private static final String MAX_IN_FLIGHT = "runner.max.in.flight";
    private static final String MAX_RPS = "runner.max.rps";
    private static final String PLATFORM_REDIS = "platform.redis";
    private static final String SLO_FILE = "slo.file";
    private static final String REPORTS_DIR = "reports.dir";
    private static final String CONTROLLED = "runner.controlled";
    private static final String RESULTS_TO_LOG = "results.log";
    private static final String JWT_SECRET = "jwt.secret";
    private static final String FAIL_BUILD = "verdict.failBuild";
    private static final String CLIENT_IPS = "client.ips";

    /** The key of {@link #cleanup}, which {@code run --cleanup} sets. */
    public static final String CLEANUP = "cleanup";

    private static final String INVARIANTS = "invariants";

    /** The exit code of a lone runner whose report did not pass, as {@code run} and {@code report} say it. */
    public static final int EXIT_NOT_PASSED = 2;

    /** The default warm-up of {@code mvn gatling:test}. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(5);

    public RunnerSettings {
        RunIds.check(runId);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(journeys, "journeys");
        if (runnerCount < 1) {
            throw new IllegalArgumentException("-D" + RUNNER_COUNT + ": must be at least 1, got " + runnerCount);
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("-D" + WARM_UP + ": must not be negative, got " + warmUp.toSeconds());
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("-D" + MAX_IN_FLIGHT + ": must be at least 1 (or 0: by the request "
                    + "timeout), got " + maxInFlight);
        }
        if (!(maxRps > 0)) {
            throw new IllegalArgumentException("-D" + MAX_RPS + ": must be positive, got " + maxRps);
        }
        RunnerCapacity.requireShareWithin(profile.profile(), runnerCount, maxRps);
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(workload, "workload");
        named(CLIENT_IPS, () -> {
            ClientAddressPool.requireSplittable(clientIps, runnerCount);
            return clientIps;
        });
    }

    /**
     * Refuses a transport the target cannot be reached with (HTTP/2 to a plain-HTTP target). Asked once the
     * target is known: by the controller for its runners, by a runner for itself.
     */
    public RunnerSettings requireReachableTarget() {
        transport.requireReachable(target);
        return this;
    }

    /** A run of {@code profile} over {@code runnerCount} runners with every other setting at its default. */
    public static RunnerSettings of(String runId, ProfileChoice profile, int runnerCount) {
        return new RunnerSettings(
                runId,
                null,
                profile,
                runnerCount,
                StartPlan.SOON,
                DEFAULT_WARM_UP,
                Journeys.defaults(),
                InFlightBudget.BY_TIMEOUT,
                RunnerCapacity.SUSTAINED_RPS,
                null,
                null,
                null,
                false,
                false,
                Transport.defaults(),
                false,
                0,
                null,
                true,
                Workload.defaults());
    }

    /**
     * Reads and checks the settings. A missing key takes its default; a bad value is a one-line
     * {@link IllegalArgumentException} naming the {@code -D} option.
     *
     * @param properties the runner's properties (system properties, or the controller's file)
     * @param defaultRunId the run id when none is given
     */
    public static RunnerSettings fromProperties(Map<String, String> properties, String defaultRunId) {
        Function<String, String> value = key -> blankToNull(properties.get(key));
        String runId = named(RUN_ID, () -> RunIds.check(firstOf(value.apply(RUN_ID), defaultRunId)));
        String target = value.apply(TARGET);
        String redis = value.apply(PLATFORM_REDIS);
        String slo = value.apply(SLO_FILE);
        String reports = value.apply(REPORTS_DIR);
        return new RunnerSettings(
                runId,
                target == null ? null : named(TARGET, () -> Uris.http(target)),
                ProfileChoice.fromProperties(properties),
                integer(RUNNER_COUNT, value.apply(RUNNER_COUNT), 1),
                StartPlan.fromProperties(properties),
                Duration.ofSeconds(integer(WARM_UP, value.apply(WARM_UP), (int) DEFAULT_WARM_UP.toSeconds())),
                Journeys.fromProperties(properties),
                integer(MAX_IN_FLIGHT, value.apply(MAX_IN_FLIGHT), InFlightBudget.BY_TIMEOUT),
                decimal(MAX_RPS, value.apply(MAX_RPS), RunnerCapacity.SUSTAINED_RPS),
                redis == null ? null : named(PLATFORM_REDIS, () -> Uris.redis(redis)),
                // Absolute from here on: a runner JVM started by the controller works in a folder of its own.
                slo == null ? null : Path.of(slo).toAbsolutePath(),
                reports == null ? null : Path.of(reports).toAbsolutePath(),
                Boolean.parseBoolean(value.apply(CONTROLLED)),
                Boolean.parseBoolean(value.apply(RESULTS_TO_LOG)),
                Transport.fromProperties(properties),
                flag(FAIL_BUILD, value.apply(FAIL_BUILD)),
                integer(CLIENT_IPS, value.apply(CLIENT_IPS), 0),
                value.apply(CLEANUP) == null ? null : flag(CLEANUP, value.apply(CLEANUP)),
                onOff(INVARIANTS, value.apply(INVARIANTS), true),
                Workload.fromProperties(properties));
    }

    /** Every setting as properties: what {@link #fromProperties} reads back into an equal value. */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(RUN_ID, runId);
        if (target != null) {
            properties.put(TARGET, target.toString());
        }
        properties.putAll(profile.toProperties());
        properties.put(RUNNER_COUNT, Integer.toString(runnerCount));
        properties.putAll(start.toProperties());
        properties.put(WARM_UP, Long.toString(warmUp.toSeconds()));
        properties.putAll(journeys.toProperties());
        properties.put(MAX_IN_FLIGHT, Integer.toString(maxInFlight));
        properties.put(MAX_RPS, number(maxRps));
        if (platformRedis != null) {
            properties.put(PLATFORM_REDIS, platformRedis.toString());
        }
        if (sloFile != null) {
            properties.put(SLO_FILE, sloFile.toString());
        }
        if (reportsDir != null) {
            properties.put(REPORTS_DIR, reportsDir.toString());
        }
        properties.put(CONTROLLED, Boolean.toString(controlled));
        properties.put(RESULTS_TO_LOG, Boolean.toString(resultsToLog));
        properties.putAll(transport.toProperties());
        properties.put(FAIL_BUILD, Boolean.toString(failBuild));
        properties.put(CLIENT_IPS, Integer.toString(clientIps));
        if (cleanup != null) {
            properties.put(CLEANUP, Boolean.toString(cleanup));
        }
        properties.put(INVARIANTS, invariants ? "on" : "off");
        properties.putAll(workload.toProperties());
        return properties;
    }

    /**
     * Whether the platform's test data is deleted after the run: as {@code -Dcleanup} says, else only on the
     * embedded target (a given platform's data is its owner's to delete).
     */
    public boolean cleanupAfter(boolean embeddedTarget) {
        return cleanup == null ? embeddedTarget : cleanup;
    }

    /** The run's folder: {@code reportsDir}, or {@code reports/<runId>} under the working folder. */
    public RunFolder folder() {
        return new RunFolder(reportsDir != null ? reportsDir : Path.of("reports", runId));
    }

    /**
     * This runner's index: {@code -Drunner.index}, else the environment's {@value RunnerContract#ENV_INDEX}
     * (a local runner JVM) or {@value RunnerContract#ENV_JOB_INDEX} (a pod of the Indexed Job), else 0.
     */
    public int runnerIndex(Map<String, String> properties, Map<String, String> env) {
        int index = integer(
                RUNNER_INDEX,
                firstOf(
                        blankToNull(properties.get(RUNNER_INDEX)),
                        env.get(RunnerContract.ENV_INDEX),
                        env.get(RunnerContract.ENV_JOB_INDEX)),
                0);
        if (index < 0 || index >= runnerCount) {
            throw new IllegalArgumentException("-D" + RUNNER_INDEX + ": must be within 0.." + (runnerCount - 1)
                    + " for " + runnerCount + " runner(s), got " + index);
        }
        return index;
    }

    /** The JWT secret for {@code auth=jwt}: {@code -Djwt.secret}, else env {@value RunnerContract#ENV_JWT_SECRET}. */
    public static String jwtSecret(Map<String, String> properties, Map<String, String> env) {
        return firstOf(blankToNull(properties.get(JWT_SECRET)), env.get(RunnerContract.ENV_JWT_SECRET));
    }

    public RunnerSettings withTarget(URI target) {
        return new RunnerSettings(
                runId,
                target,
                profile,
                runnerCount,
                start,
                warmUp,
                journeys,
                maxInFlight,
                maxRps,
                platformRedis,
                sloFile,
                reportsDir,
                controlled,
                resultsToLog,
                transport,
                failBuild,
                clientIps,
                cleanup,
                invariants,
                workload);
    }

    public RunnerSettings withStart(StartPlan start) {
        return new RunnerSettings(
                runId,
                target,
                profile,
                runnerCount,
                start,
                warmUp,
                journeys,
                maxInFlight,
                maxRps,
                platformRedis,
                sloFile,
                reportsDir,
                controlled,
                resultsToLog,
                transport,
                failBuild,
                clientIps,
                cleanup,
                invariants,
                workload);
    }

    /** These settings with {@code clientIps} client addresses spread across the runners. */
    public RunnerSettings withClientIps(int clientIps) {
        return new RunnerSettings(
                runId,
                target,
                profile,
                runnerCount,
                start,
                warmUp,
                journeys,
                maxInFlight,
                maxRps,
                platformRedis,
                sloFile,
                reportsDir,
                controlled,
                resultsToLog,
                transport,
                failBuild,
                clientIps,
                cleanup,
                invariants,
                workload);
    }

    /** This runner's part of the run's client addresses ({@link ClientAddressPool}). */
    public ClientAddressPool clientAddresses(int runnerIndex) {
        return ClientAddressPool.of(clientIps, runnerIndex, runnerCount);
    }

    public RunnerSettings withReportsDir(Path reportsDir) {
        return new RunnerSettings(
                runId,
                target,
                profile,
                runnerCount,
                start,
                warmUp,
                journeys,
                maxInFlight,
                maxRps,
                platformRedis,
                sloFile,
                reportsDir,
                controlled,
                resultsToLog,
                transport,
                failBuild,
                clientIps,
                cleanup,
                invariants,
                workload);
    }

    /**
     * These settings as the controller hands them to its runners: the controller's run id, target,
     * profile, runner count and warm-up over what the run spec's {@code simulation:} section set, run
     * by the controller, with the results in the output when the controller cannot reach the runners'
     * files.
     */
    public RunnerSettings controlledBy(
            String runId, URI target, ProfileChoice profile, int runnerCount, Duration warmUp, boolean resultsToLog) {
        return new RunnerSettings(
                runId,
                target,
                profile,
                runnerCount,
                start,
                warmUp,
                journeys,
                maxInFlight,
                maxRps,
                platformRedis,
                sloFile,
                reportsDir,
                true,
                resultsToLog,
                transport,
                false,
                clientIps,
                cleanup,
                invariants,
                workload);
    }

    static <T> T named(String key, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + key + ": " + e.getMessage(), e);
        }
    }

    static int integer(String key, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + ": must be a whole number, got '" + value + "'");
        }
    }

    /** {@code true} or {@code false}; unset is false. */
    static boolean flag(String key, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("-D" + key + ": must be true or false, got '" + value + "'");
        };
    }

    /** {@code on} or {@code off}; unset is {@code fallback}. */
    static boolean onOff(String key, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("-D" + key + ": must be on or off, got '" + value + "'");
        };
    }

    static long longValue(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + ": must be a whole number, got '" + value + "'");
        }
    }

    static double decimal(String key, String value, double fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + key + ": must be a number, got '" + value + "'");
        }
    }

    /** A number as a property value, without a needless {@code .0}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    static String firstOf(String... values) {
        for (String value : values) {
            if (blankToNull(value) != null) {
                return value.strip();
            }
        }
        return null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
