package store.traffictacos.capacity.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.results.PhaseWindow;
import store.traffictacos.capacity.results.ResultsFiles;
import store.traffictacos.capacity.results.ResultsRecorder;

/**
 * Every way in, given what a new user might get wrong: one {@code error:} line naming what was given,
 * a non-zero exit code, no stack trace, no folder left under {@code reports/}, not one request to the
 * target, and all of it before any load. The {@code tacos-capacity} rows run in this JVM; the {@code mvn
 * gatling:test} rows run the simulation's JVM as gatling-maven-plugin starts it ({@link EntryPoint}),
 * about 5 s each.
 */
@DisplayName("Bad input, at every entry point")
class BadInputIT {
    private static final String SECRET = "S3cr3t-pw";
    /**
     * Far beyond any refusal, far below any load: the CLI reads and checks (a Kubernetes client takes a second
     * or two to build), the simulation's JVM also starts Gatling.
     */
    private static final long CLI_MS = 5_000;

    private static final long VALIDATE_MS = 2_000;

    private static final long GATLING_MS = 30_000;

    private static final Fixtures FIXTURES = Fixtures.create();

    /** One bad input: where it goes in, what is given, and what the one error line must name. */
    record Row(
            String name,
            boolean gatling,
            List<String> args,
            Map<String, String> properties,
            String mentions,
            long withinMs) {
        static Row cli(String name, String mentions, String... args) {
            return new Row(name, false, List.of(args), Map.of(), mentions, CLI_MS);
        }

        /** A {@code run} refused in its validate stage, which must take under 2 s. */
        static Row validate(String name, String mentions, String... args) {
            return new Row(name, false, List.of(args), Map.of(), mentions, VALIDATE_MS);
        }

        static Row gatling(String name, String mentions, String... keyValues) {
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                properties.put(keyValues[i], keyValues[i + 1]);
            }
            return new Row(name, true, List.of(), properties, mentions, GATLING_MS);
        }

        @Override
        public String toString() {
            return (gatling ? "mvn gatling:test " : "tacos-capacity ") + name;
        }
    }

    static Stream<Row> rows() {
        Fixtures f = FIXTURES;
        String reports = f.reports.toString();
        String target = f.target.url().toString();
        String secretTarget = f.target.urlWithPassword(SECRET);
        String closed = "http://admin:" + SECRET + "@127.0.0.1:" + f.closedPort;
        int tooMany = 2 * Runtime.getRuntime().availableProcessors() + 1;
        return Stream.of(
                // tacos-capacity run: options, the run spec, the files it names, the machine
                Row.cli("run --run-id ../x", "--run-id", "run", "--run-id", "../x", "--reports", reports),
                Row.cli("run --run-id a/b", "--run-id", "run", "--run-id", "a/b", "--reports", reports),
                Row.cli("run --barrier-timeout 10", "--barrier-timeout", "run", "--barrier-timeout", "10"),
                Row.cli("run --start-lead 0s", "--start-lead", "run", "--start-lead", "0s"),
                Row.cli("run --profile nope", "unknown profile 'nope'", "run", "--profile", "nope"),
                Row.cli("run --profile-file missing", "No such file", "run", "--profile-file", f.missing("p.yaml")),
                Row.cli(
                        "run --profile-file duration without unit",
                        "line 3",
                        "run",
                        "--profile-file",
                        f.profileWithoutUnit.toString()),
                Row.cli("run --runners 0", "--runners", "run", "--runners", "0"),
                Row.cli("run --runner-rps -1", "--runner-rps", "run", "--runner-rps", "-1"),
                Row.cli("run --backend nope", "--backend", "run", "--backend", "nope"),
                Row.cli("run --target ftp://x", "--target", "run", "--target", "ftp://x"),
                Row.cli(
                        "run --target unreachable, with a password",
                        "127.0.0.1:" + f.closedPort,
                        "run",
                        "--target",
                        closed,
                        "--profile",
                        "smoke",
                        "--reports",
                        reports),
                Row.cli(
                        "run --runners beyond the machine's cores",
                        "cannot hold " + tooMany + " runner JVMs",
                        "run",
                        "--profile",
                        "smoke",
                        "--runners",
                        Integer.toString(tooMany),
                        "--target",
                        target,
                        "--reports",
                        reports),
                Row.validate(
                        "run --slo unknown metric (in validate)",
                        "unknown metric 'p999_ms'",
                        "run",
                        "--profile",
                        "smoke",
                        "--target",
                        target,
                        "--slo",
                        f.sloUnknownMetric.toString(),
                        "--reports",
                        reports),
                Row.validate(
                        "run --baseline not JSON (in validate)",
                        f.notJson.toString(),
                        "run",
                        "--profile",
                        "smoke",
                        "--target",
                        target,
                        "--baseline",
                        f.notJson.toString(),
                        "--reports",
                        reports),
                Row.cli(
                        "run --slo missing file",
                        "No such file",
                        "run",
                        "--profile",
                        "smoke",
                        "--target",
                        target,
                        "--slo",
                        f.missing("slo.yaml"),
                        "--reports",
                        reports),
                Row.cli("run --spec unclosed [", f.specUnclosed.toString(), "run", "--spec", f.specUnclosed.toString()),
                Row.cli("run --spec runners: two", "runners", "run", "--spec", f.specRunnersTwo.toString()),
                Row.cli(
                        "run --spec timeout without unit",
                        "must be a duration",
                        "run",
                        "--spec",
                        f.specTimeoutNoUnit.toString()),
                Row.cli(
                        "run --spec Redis URI with a password, wrong scheme",
                        "redis://",
                        "run",
                        "--spec",
                        f.specRedisPassword.toString()),
                Row.cli("run --spec missing", "No such file", "run", "--spec", f.missing("spec.yaml")),
                // tacos-capacity report
                Row.cli("report of no folder", "no run folder", "report", f.missing("run")),
                Row.cli("report of a folder without results", "no results", "report", f.emptyRun.toString()),
                Row.cli(
                        "report of a damaged manifest",
                        "manifest.json is not JSON",
                        "report",
                        f.damagedManifest.toString()),
                Row.cli(
                        "report of a damaged results.hlog",
                        "results.hlog is damaged",
                        "report",
                        f.damagedHistogram.toString()),
                Row.cli(
                        "report --slo unknown metric",
                        "unknown metric",
                        "report",
                        f.emptyRun.toString(),
                        "--slo",
                        f.sloUnknownMetric.toString()),
                Row.cli(
                        "report --baseline not JSON",
                        f.notJson.toString(),
                        "report",
                        f.emptyRun.toString(),
                        "--baseline",
                        f.notJson.toString()),
                Row.cli("report --trend-runs 0", "--trend-runs", "report", f.emptyRun.toString(), "--trend-runs", "0"),
                // tacos-capacity target
                Row.cli("target --port 70000", "port", "target", "--port", "70000"),
                Row.cli("target --capacity-rps -1", "capacity", "target", "--capacity-rps", "-1"),
                Row.cli(
                        "target --redis with a password, wrong scheme",
                        "--redis",
                        "target",
                        "--redis",
                        "http://:" + SECRET + "@cache:6379"),
                Row.cli(
                        "target --redis unreachable, with a password",
                        "127.0.0.1:" + f.closedPort,
                        "target",
                        "--port",
                        "0",
                        "--redis",
                        "redis://:" + SECRET + "@127.0.0.1:" + f.closedPort),
                // tacos-capacity status, collect, restore
                Row.cli("status of no run", "no run status", "status", "--run-id", "nope", "--reports", reports),
                Row.cli("status --run-id ../x", "--run-id", "status", "--run-id", "../x", "--reports", reports),
                Row.cli(
                        "status of a damaged status.json",
                        "status.json",
                        "status",
                        "--run-id",
                        "damaged",
                        "--reports",
                        f.damagedStatusReports.toString()),
                Row.cli(
                        "collect of a local run",
                        "Kubernetes",
                        "collect",
                        "--run-id",
                        "local-done",
                        "--reports",
                        f.localRunReports.toString()),
                Row.cli("collect --run-id ../x", "--run-id", "collect", "--run-id", "../x", "--reports", reports),
                Row.cli(
                        "collect --kubeconfig missing",
                        "No such file",
                        "collect",
                        "--run-id",
                        "k8s-1",
                        "--kubeconfig",
                        f.missing("kubeconfig"),
                        "--reports",
                        reports),
                Row.cli("restore --run-id ../x", "--run-id", "restore", "--run-id", "../x"),
                Row.cli(
                        "restore --kubeconfig missing",
                        "No such file",
                        "restore",
                        "--run-id",
                        "k8s-1",
                        "--kubeconfig",
                        f.missing("kubeconfig")),
                Row.cli(
                        "restore against an unreachable API server",
                        "127.0.0.1:" + f.closedPort,
                        "restore",
                        "--run-id",
                        "k8s-1",
                        "--kubeconfig",
                        f.unreachableCluster.toString()),
                // mvn gatling:test
                Row.gatling("-Dprofile=nope", "unknown profile 'nope'", "profile", "nope"),
                Row.gatling("-Drun.id=../../../tmp/x", "-Drun.id", "run.id", "../../../tmp/x"),
                Row.gatling(
                        "-Dprofile.file with a duration without unit",
                        "line 3",
                        "profile.file",
                        f.profileWithoutUnit.toString()),
                Row.gatling(
                        "-Dslo.file with an unknown metric",
                        "unknown metric",
                        "slo.file",
                        f.sloUnknownMetric.toString(),
                        "target.url",
                        target),
                Row.gatling(
                        "-Dtarget.url unreachable, with a password", "127.0.0.1:" + f.closedPort, "target.url", closed),
                Row.gatling(
                        "-Dplatform.redis with a password, wrong scheme",
                        "-Dplatform.redis",
                        "platform.redis",
                        "http://:" + SECRET + "@cache:6379",
                        "target.url",
                        secretTarget),
                Row.gatling("-Dauth=jwt without a secret", "-Dauth=jwt", "auth", "jwt", "target.url", target),
                Row.gatling(
                        "-Dverdict.failBuild=maybe",
                        "-Dverdict.failBuild",
                        "verdict.failBuild",
                        "maybe",
                        "target.url",
                        target));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("is one error line naming it, exit code 1, no stack trace, nothing left, no request, no load")
    void refused(Row row) throws IOException {
        // Given
        List<String> projectReportsBefore = listing(Path.of("reports"));
        List<String> reportsBefore = listing(FIXTURES.reports);
        int requestsBefore = FIXTURES.target.requests();

        // When
        EntryPoint.Outcome outcome = row.gatling()
                ? EntryPoint.gatling(FIXTURES.work, "bad-input", row.properties(), Map.of())
                : EntryPoint.cli(row.args());

        // Then
        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.errorLines()).as(outcome.output()).hasSize(1);
        assertThat(outcome.errorLines().get(0)).contains(row.mentions());
        if (row.withinMs() == VALIDATE_MS) {
            assertThat(outcome.errorLines().get(0)).contains("failed in validate");
        }
        assertThat(outcome.output()).doesNotContain("\tat ").doesNotContain(SECRET);
        assertThat(listing(FIXTURES.reports)).isEqualTo(reportsBefore);
        assertThat(listing(Path.of("reports"))).isEqualTo(projectReportsBefore);
        assertThat(FIXTURES.target.requests()).isEqualTo(requestsBefore);
        assertThat(outcome.elapsedMs()).isLessThan(row.withinMs());
    }

    @AfterAll
    static void cleanUp() {
        FIXTURES.close();
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(child -> child.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** The files and folders the rows name, made once. */
    static final class Fixtures implements AutoCloseable {
        final Path work;
        final Path reports;
        final CountingTarget target;
        final int closedPort;
        final Path profileWithoutUnit;
        final Path sloUnknownMetric;
        final Path notJson;
        final Path specUnclosed;
        final Path specRunnersTwo;
        final Path specTimeoutNoUnit;
        final Path specRedisPassword;
        final Path emptyRun;
        final Path damagedManifest;
        final Path damagedHistogram;
        final Path damagedStatusReports;
        final Path localRunReports;
        final Path unreachableCluster;

        private Fixtures(Path work) throws IOException {
            this.work = work;
            reports = Files.createDirectories(work.resolve("reports"));
            target = new CountingTarget();
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            profileWithoutUnit =
                    write("no-unit.yaml", "name: no-unit\nphases:\n  - {name: peak, duration: 5, rps: 10}\n");
            sloUnknownMetric = write("slo.yaml", "slos:\n  - {name: tail, metric: p999_ms, below: 100}\n");
            notJson = write("baseline.json", "this is not JSON\n");
            specUnclosed = write("unclosed.yaml", "profile: smoke\nrunners: [1\n");
            specRunnersTwo = write("two.yaml", "profile: smoke\nrunners: two\n");
            specTimeoutNoUnit = write("timeout.yaml", "profile: smoke\ntimeouts: {barrier: 10}\n");
            specRedisPassword = write(
                    "redis.yaml", "profile: smoke\nplatform:\n  redis: {uri: \"http://:" + SECRET + "@cache:6379\"}\n");
            emptyRun = Files.createDirectories(work.resolve("empty-run"));
            damagedManifest = run("run-a", "manifest.json", "{\"format\": \"tacos-results/1\", ");
            damagedHistogram = run("run-b", "results.hlog", null);
            damagedStatusReports = Files.createDirectories(work.resolve("damaged-status"));
            Files.createDirectories(damagedStatusReports.resolve("damaged"));
            Files.writeString(damagedStatusReports.resolve("damaged").resolve("status.json"), "{\"runId\": ");
            localRunReports = Files.createDirectories(work.resolve("local-runs"));
            writeRun(localRunReports.resolve("local-done").resolve("runner-0"));
            unreachableCluster = write("kubeconfig", """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                    users: [{name: u, user: {token: t}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                    current-context: x
                    """.formatted(closedPort));
        }

        static Fixtures create() {
            try {
                return new Fixtures(Files.createTempDirectory("bad-input"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String missing(String name) {
            return work.resolve("missing").resolve(name).toString();
        }

        private Path write(String name, String text) throws IOException {
            return Files.writeString(work.resolve(name), text);
        }

        /** A real runner's results, with one of its files then overwritten by {@code text}, or cut in half. */
        private Path run(String name, String file, String text) throws IOException {
            Path runner = work.resolve(name).resolve("runner-0");
            writeRun(runner);
            Path damaged = runner.resolve(file);
            if (text != null) {
                Files.writeString(damaged, text);
            } else {
                // the last interval's line cut in the middle of its histogram, as a full disk would leave it
                String whole = Files.readString(damaged).stripTrailing();
                Files.writeString(damaged, whole.substring(0, whole.length() - 20) + "\n");
            }
            return runner.getParent();
        }

        /** One runner, 10 s at 20 req/s, every request answered in 2 ms. */
        private static void writeRun(Path runner) throws IOException {
            long start = 1_700_000_000_000L;
            ResultsRecorder recorder = new ResultsRecorder(start);
            for (int i = 0; i < 200; i++) {
                recorder.sent(start + i * 50L);
                recorder.record(start + i * 50L, "status", "ok", 2_000);
            }
            long[] scheduled = new long[10];
            Arrays.fill(scheduled, 20);
            ResultsFiles.write(
                    runner,
                    new Manifest(
                            "r",
                            0,
                            1,
                            "p",
                            start,
                            start + 10_000,
                            "3.15.0",
                            "http://127.0.0.1:1",
                            List.of(new PhaseWindow("peak", start, start + 10_000, 20, 20)),
                            scheduled),
                    recorder.snapshot());
        }

        @Override
        public void close() {
            target.close();
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
