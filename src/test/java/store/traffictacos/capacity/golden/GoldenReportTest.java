package store.traffictacos.capacity.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import store.traffictacos.capacity.cli.TacosCapacity;

/**
 * The report of one fixed run folder, byte for byte: a redesign must not change what users read.
 *
 * <p>The input ({@code src/test/resources/golden/input}) is a made-up run of 2 of 3 runners (one
 * missing, one stopped early), four phases with a ramp, a failing step and generator-limited seconds,
 * platform series (pods, HPA, node pools for the cost, Redis), an SLO file with resources and prices,
 * a baseline and a history. The expected files were written by {@code tacos-capacity report} at the
 * commit that added this test. A deliberate change of the report rewrites them with
 * {@code mvn test -Dtest=GoldenReportTest -Dgolden.update=true}; the diff is then reviewed in the commit.
 * Charts are compared by the SHA-256 of their PNG bytes, so the expected HTML stays readable.
 */
@DisplayName("The report of a fixed input")
class GoldenReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path INPUT = GOLDEN.resolve("input");
    private static final List<String> FILES = List.of("report.json", "junit.xml", "summary.md", "report.html");
    private static final Pattern PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"with-slo-baseline-history", "defaults"})
    @DisplayName("tacos-capacity report writes the same files and console lines as when the expected files were made")
    void sameBytes(String variant) throws IOException {
        // Given
        Path runDir = copy(INPUT.resolve("run-golden"), work.resolve("run-golden"));
        List<String> options = variant.equals("defaults")
                ? List.of()
                : List.of(
                        "--slo",
                        INPUT.resolve("slo.yaml").toString(),
                        "--baseline",
                        INPUT.resolve("history/hist-2.json").toString(),
                        "--history",
                        INPUT.resolve("history").toString());

        // When
        String console = report(runDir, options).replace(runDir.toAbsolutePath().toString(), "<run-dir>");

        // Then
        Path expected = GOLDEN.resolve("expected").resolve(variant);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(expected);
            Files.writeString(expected.resolve("console.txt"), console);
            for (String file : FILES) {
                Files.writeString(expected.resolve(file), comparable(runDir.resolve(file)));
            }
        }
        assertThat(console).isEqualTo(Files.readString(expected.resolve("console.txt")));
        for (String file : FILES) {
            assertThat(comparable(runDir.resolve(file))).as(file).isEqualTo(Files.readString(expected.resolve(file)));
        }
    }

    private static String report(Path runDir, List<String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = TacosCapacity.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            StringWriter commandOut = new StringWriter();
            commandLine.setOut(new PrintWriter(commandOut, true));
            List<String> args = Stream.concat(Stream.of("report", runDir.toString()), options.stream())
                    .toList();
            int exit = commandLine.execute(args.toArray(String[]::new));
            return "exit " + exit + "\n" + commandOut + out.toString(StandardCharsets.UTF_8) + err;
        } finally {
            System.setOut(originalOut);
        }
    }

    /** The file's text with each embedded PNG replaced by its digest. */
    private static String comparable(Path file) throws IOException {
        Matcher png = PNG.matcher(Files.readString(file));
        StringBuilder text = new StringBuilder();
        while (png.find()) {
            png.appendReplacement(
                    text, "data:image/png;sha256," + sha256(Base64.getDecoder().decode(png.group(1))));
        }
        return png.appendTail(text).toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
        return to;
    }
}
