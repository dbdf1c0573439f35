package store.traffictacos.capacity.simulations.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import store.traffictacos.capacity.profile.LoadProfile;
import store.traffictacos.capacity.profile.ProfileFile;
import store.traffictacos.capacity.profile.Profiles;
import store.traffictacos.capacity.report.settings.SloFile;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.runner.RunnerCapacity;
import store.traffictacos.capacity.runner.StartInstant;
import store.traffictacos.capacity.simulations.endpoints.Auth;
import store.traffictacos.capacity.simulations.journey.JourneyPlan;

/**
 * Everything a runner is told, read once from system properties (and the Kubernetes Job's
 * environment) into typed values; nothing else reads properties.
 *
 * @param targetUrl null: start the embedded reference target
 * @param profile this runner's share of the load
 * @param startAtEpochMs the instant measured load begins (all runners together); warm-up ends there.
 *     Unused with a {@code startSignal}
 * @param startSignal where a controlled runner gets the start instant once it is ready
 *     ({@code -Dstart.signal=file:<path>|configmap}); null: {@code startAtEpochMs}
 * @param warmUp the longest warm-up; shorter when the start instant leaves less time
 * @param report what the capacity report judges the run by (SLOs, regression rules, prices)
 * @param maxInFlight requests this runner may have outstanding (and so connections open)
 * @param platformRedis the platform's Redis to sample INFO from during the run (null: none)
 * @param controlled run by the controller ({@code -Drunner.controlled=true}): also prints machine-read
 *     progress lines ({@link store.traffictacos.capacity.runner.ProgressLine}) for its merged console
 * @param resultsToLog print the results folder into the output at the end ({@code -Dresults.log=true}),
 *     for runners whose files the controller cannot reach (Kubernetes pods)
 */
public record RunSettings(
        URI targetUrl,
        LoadProfile fullProfile,
        LoadProfile profile,
        int runnerIndex,
        int runnerCount,
        long startAtEpochMs,
        StartInstant startSignal,
        Duration warmUp,
        String userAgent,
        Auth auth,
        JourneyPlan plan,
        ReportSettings report,
        int maxInFlight,
        URI platformRedis,
        String runId,
        Path reportsDir,
        boolean controlled,
        boolean resultsToLog) {

    /** Time Gatling needs between reading the settings and injecting its first user. */
    public static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(3);

    /** The User-Agent the production WAF exempts from its per-IP limit. */
    public static final String DEFAULT_USER_AGENT = "k6-load-test/1.0";

    public static RunSettings from(Map<String, String> properties, Map<String, String> env, long nowEpochMs) {
        Function<String, String> property = name -> blankToNull(properties.get(name));
        int runnerCount = integer("runner.count", firstOf(property.apply("runner.count"), env.get("RUNNER_COUNT")), 1);
        int runnerIndex = integer("runner.index", firstOf(property.apply("runner.index"), env.get("RUNNER_INDEX"),
                env.get("JOB_COMPLETION_INDEX")), 0);
        if (runnerCount < 1 || runnerIndex < 0 || runnerIndex >= runnerCount) {
            throw new IllegalArgumentException("runner index must be within 0.." + (runnerCount - 1)
                    + " for " + runnerCount + " runners, got " + runnerIndex);
        }
        String profileFile = property.apply("profile.file");
        String profileText = property.apply("profile.yaml");
        // The controller passes a profile file's text inline: a runner pod cannot see the file.
        LoadProfile full = profileText != null ? ProfileFile.parse(profileText, "-Dprofile.yaml")
                : Profiles.resolve(property.apply("profile"), profileFile == null ? null : Path.of(profileFile));
        LoadProfile share = full.shard(runnerIndex, runnerCount);
        RunnerCapacity.requireShareWithin(full, runnerCount,
                decimal("runner.max.rps", property.apply("runner.max.rps"), RunnerCapacity.SUSTAINED_RPS));
        Duration warmUp = Duration.ofSeconds(integer("warmup.seconds", property.apply("warmup.seconds"), 5));
        String start = property.apply("start.at");
        String signal = property.apply("start.signal");
        if (start != null && signal != null) {
            throw new IllegalArgumentException("give -Dstart.at or -Dstart.signal, not both");
        }
        long earliestStart = nowEpochMs + STARTUP_ALLOWANCE.toMillis();
        long startAt = start == null ? earliestStart + warmUp.toMillis() : longValue("start.at", start);
        if (signal == null && startAt < earliestStart) {
            throw new IllegalArgumentException("-Dstart.at=" + startAt + " is less than "
                    + STARTUP_ALLOWANCE.toSeconds() + " s ahead of this runner's clock (" + nowEpochMs + ")");
        }
        String runId = firstOf(property.apply("run.id"),
                "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String reportsDir = firstOf(property.apply("reports.dir"), "reports/" + runId);
        String target = property.apply("target.url");
        String sloFile = property.apply("slo.file");
        String platformRedis = property.apply("platform.redis");
        return new RunSettings(target == null ? null : targetUri(target), full, share,
                runnerIndex, runnerCount, startAt, signal == null ? null : StartInstant.parse(signal), warmUp,
                firstOf(property.apply("user.agent"), DEFAULT_USER_AGENT),
                auth(property.apply("auth"), firstOf(property.apply("jwt.secret"), env.get("TACOS_JWT_SECRET"))),
                plan(property), sloFile == null ? ReportSettings.defaults() : SloFile.settings(Path.of(sloFile)),
                integer("runner.max.in.flight", property.apply("runner.max.in.flight"),
                        RunnerCapacity.DEFAULT_MAX_IN_FLIGHT),
                platformRedis == null ? null : redisUri(platformRedis), runId,
                Path.of(reportsDir), Boolean.parseBoolean(property.apply("runner.controlled")),
                Boolean.parseBoolean(property.apply("results.log")));
    }

    private static JourneyPlan plan(Function<String, String> property) {
        JourneyPlan standard = JourneyPlan.standard(
                decimal("journey.purchase.share", property.apply("journey.purchase.share"), 0.5));
        int events = integer("journey.events", property.apply("journey.events"), standard.events());
        return new JourneyPlan(events, standard.purchaseShare(), standard.pollMin(), standard.pollMax(),
                standard.maxPolls(), standard.maxWait(), standard.seatsPerHold(), standard.priceKrw());
    }

    private static Auth auth(String mode, String secret) {
        if (mode == null || mode.equals("bypass")) {
            return new Auth.Bypass();
        }
        if (mode.equals("jwt")) {
            if (secret == null) {
                throw new IllegalArgumentException("-Dauth=jwt needs -Djwt.secret=... or env TACOS_JWT_SECRET");
            }
            return new Auth.Jwt(secret);
        }
        throw new IllegalArgumentException("-Dauth must be 'bypass' or 'jwt', got '" + mode + "'");
    }

    private static URI targetUri(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Dtarget.url must be an http(s) URL, got '" + url + "'");
    }

    private static URI redisUri(String url) {
        try {
            URI uri = URI.create(url);
            if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("-Dplatform.redis must look like redis://host:port, got '" + url + "'");
    }

    private static int integer(String name, String value, int fallback) {
        return value == null ? fallback : Math.toIntExact(longValue(name, value));
    }

    private static long longValue(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String name, String value, double fallback) {
        try {
            return value == null ? fallback : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a number, got '" + value + "'");
        }
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (blankToNull(value) != null) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
