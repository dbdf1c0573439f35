package store.traffictacos.capacity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/run --smoke}: the whole benchmark at tiny sizes (about two minutes on 2 cores, where a
 * dozen JVMs start), so that the script that writes BENCHMARKS.md cannot rot between full runs. It
 * measures nothing; it checks that every section comes out with figures. Skipped, with the reason,
 * where wrk or nginx is missing (hey and Locust are optional: bench/run reports them as not installed).
 * Not part of {@code mvn verify} (the pom excludes it, for CI's time): run it with {@code mvn verify
 * -Dit.test=BenchRunSmokeIT} whenever bench/ changes.
 */
@DisplayName("bench/run --smoke")
class BenchRunSmokeIT {
    /** A bound on the script, well above its usual two minutes. */
    private static final long TIMEOUT_SECONDS = 420;

    @Test
    @DisplayName("writes every section of BENCHMARKS.md with figures")
    void writesEverySectionWithFigures(@TempDir Path dir) throws Exception {
        Path script = Path.of("bench", "run").toAbsolutePath();
        assumeTrue(
                Files.isRegularFile(script), "no bench/run under " + Path.of("").toAbsolutePath());
        assumeTrue(onPath("wrk"), "wrk is not installed (apt-get install wrk): bench/run needs it");
        assumeTrue(
                onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx")),
                "nginx is not installed (apt-get install nginx-light): bench/run needs it");
        assumeTrue(onPath("python3") && onPath("curl"), "bench/run needs python3 and curl");

        Path out = dir.resolve("BENCHMARKS.md");
        Path log = dir.resolve("bench-run.log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--smoke", "--out", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The classes under test, not the jar: `failsafe:integration-test` alone does not rebuild it.
        builder.environment().put("TACOS_CP", classPath());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            fail("bench/run --smoke did not finish in " + TIMEOUT_SECONDS + " s:\n" + tail(log));
        }
        assertThat(process.exitValue())
                .as("exit status; its output:\n%s", tail(log))
                .isZero();

        String md = Files.readString(out);
        assertThat(md)
                .contains(
                        "<!-- bench:run:start -->",
                        "<!-- bench:run:end -->",
                        "<!-- bench:target-vs-nginx:start -->",
                        "<!-- bench:target-vs-nginx:end -->",
                        "<!-- bench:overload:start -->",
                        "<!-- bench:overload:end -->");
        String overload =
                md.substring(md.indexOf("<!-- bench:overload:start -->"), md.indexOf("<!-- bench:overload:end -->"));
        // the smoke's one cell: one runner over HTTPS/2 against the target answering in 1 s
        assertThat(section(overload, "### Each step of the runner"))
                .containsPattern(row("1,000 ms", "HTTPS/2", NUMBER, NUMBER, NUMBER))
                .containsPattern(row("1,000 ms", "HTTPS/2, GET status only", NUMBER, NUMBER, NUMBER));
        // the status-only runner beside plain Gatling, in the smoke's cell: the goal gets figures, not "not measured"
        assertThat(section(overload, "### Goals"))
                .containsPattern(
                        row("the runner on the same GET within 10 % of plain Gatling", NUMBER + " vs " + NUMBER));
        String run = md.substring(md.indexOf("<!-- bench:run:start -->"), md.indexOf("<!-- bench:run:end -->"));
        assertThat(run).contains("SMOKE RUN");
        assertThat(section(run, "### Goals"))
                .containsPattern(row("one runner ≥ 20 % of wrk's req/s", NUMBER + " req/s"));
        assertThat(section(run, "### 1. Injector"))
                .containsPattern(row("wrk -t1 -c64", "closed[^|]*", "[^|]*", "\\*\\*" + NUMBER + "\\*\\*"))
                .containsPattern(row("plain Gatling[^|]*", "[^|]*", "[^|]*", NUMBER))
                .containsPattern(
                        row("\\*\\*tacos-capacity runner\\*\\*[^|]*", "[^|]*", "[^|]*", "\\*\\*" + NUMBER + "\\*\\*"));
        assertThat(section(run, "### 2. Rate accuracy"))
                .containsPattern(row("1 runner", "25 %", NUMBER, NUMBER, NUMBER + " %"))
                .containsPattern(row("", "75 %", NUMBER, NUMBER, NUMBER + " %"));
        assertThat(section(run, "### 3. Start skew")).containsPattern(row("1", NUMBER + " ms"));
        assertThat(section(run, "### 4. Merge \\+ report speed"))
                .containsPattern(row("10,000", NUMBER, NUMBER + " / " + NUMBER, NUMBER, NUMBER, NUMBER + " MB"))
                .containsPattern(row("100,000", NUMBER, NUMBER + " / " + NUMBER, NUMBER, NUMBER, NUMBER + " MB"));
        assertThat(section(run, "### 5. Reference target vs nginx"))
                .containsPattern("reference target " + NUMBER + " req/s, nginx " + NUMBER + " req/s");
        // Tiny steps on a busy CI machine may hold no rate at all: the section must then say so.
        assertThat(section(run, "### 6. Runner sizing"))
                .containsPattern("The runner sustained " + NUMBER + " req/s|No rate was sustained \\(see section 1\\)");
        assertThat(section(run, "### Commands"))
                .contains("bench/run --smoke", "runner --properties", "run --runners 4", "TimeReport.java");
    }

    private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

    /** A Markdown table row whose first cells start with these patterns. */
    private static Pattern row(String... cells) {
        return Pattern.compile("(?m)^\\| " + String.join("[^|]* \\| ", cells) + "[^|]* \\|");
    }

    /** The text from a heading (a regex) to the next heading of the same level. */
    private static String section(String md, String headingRegex) {
        var matcher = Pattern.compile("(?m)^" + headingRegex + ".*$").matcher(md);
        assertThat(matcher.find()).as("heading %s in:\n%s", headingRegex, md).isTrue();
        int next = md.indexOf("\n### ", matcher.end());
        return md.substring(matcher.start(), next < 0 ? md.length() : next);
    }

    /** The test class path as failsafe gives it (its JVM may see a manifest-only jar): classes and dependencies. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
