package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.runner.ExtractedResults.Status;

@DisplayName("ResultsLog")
class ResultsLogTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a results directory printed into a log comes back byte for byte: several files, nested, binary")
    void roundTrip() throws IOException {
        // Given a results directory and a log where the block sits among other output
        Path results = resultsDir();
        String log = "Simulation started\n" + block(results, 2) + "Simulation finished\n";

        // When
        Path into = temp.resolve("collected");
        ExtractedResults found = ResultsLog.extract(new StringReader(log), into);

        // Then
        assertThat(found).isEqualTo(new ExtractedResults(Status.OK, 2, null));
        assertThat(relativeFiles(into)).isEqualTo(relativeFiles(results));
        for (String file : relativeFiles(results)) {
            assertThat(into.resolve(file)).hasSameBinaryContentAs(results.resolve(file));
        }
    }

    @Test
    @DisplayName("the frame is one begin line with index, byte count and sha256, base64 lines of 76, one end line")
    void frame() throws IOException {
        // When
        String[] lines = block(resultsDir(), 4).split("\n");

        // Then
        assertThat(lines[0]).matches("--- tacos-results begin 4 \\d+ [0-9a-f]{64} ---");
        assertThat(lines[lines.length - 1]).isEqualTo("--- tacos-results end ---");
        assertThat(lines[1]).hasSize(76);
        assertThat(lines[lines.length - 2]).hasSizeBetween(1, 76);
    }

    @Test
    @DisplayName("lines another thread printed inside the block are skipped")
    void interleavedOutput() throws IOException {
        // Given a warning printed between two lines of the block
        String[] lines = block(resultsDir(), 0).split("\n");
        lines[2] = lines[2] + "\n[WARN] 12:00:01 gc pause 230 ms";
        String log = String.join("\n", lines) + "\n";

        // When
        ExtractedResults found = ResultsLog.extract(new StringReader(log), temp.resolve("collected"));

        // Then
        assertThat(found.status()).isEqualTo(Status.OK);
    }

    @Test
    @DisplayName("a block cut off before its end line is corrupt, and nothing is written")
    void truncated() throws IOException {
        // Given the log of a runner killed while printing
        String full = block(resultsDir(), 1);
        String log = full.substring(0, full.length() / 2);

        // When
        Path into = temp.resolve("collected");
        ExtractedResults found = ResultsLog.extract(new StringReader(log), into);

        // Then
        assertThat(found.status()).isEqualTo(Status.CORRUPT);
        assertThat(found.runnerIndex()).isEqualTo(1);
        assertThat(found.problem()).startsWith("results block cut off after about");
        assertThat(into).doesNotExist();
    }

    @Test
    @DisplayName("a block whose bytes do not match its checksum is corrupt, and nothing is written")
    void badChecksum() throws IOException {
        // Given one base64 character changed
        String[] lines = block(resultsDir(), 1).split("\n");
        char first = lines[1].charAt(0);
        lines[1] = (first == 'A' ? 'B' : 'A') + lines[1].substring(1);
        String log = String.join("\n", lines) + "\n";

        // When
        Path into = temp.resolve("collected");
        ExtractedResults found = ResultsLog.extract(new StringReader(log), into);

        // Then
        assertThat(found).isEqualTo(new ExtractedResults(Status.CORRUPT, 1, "results block checksum mismatch"));
        assertThat(into).doesNotExist();
    }

    @Test
    @DisplayName("a log without a block is missing: the runner died before printing")
    void missing() throws IOException {
        // When
        ExtractedResults found = ResultsLog.extract(new StringReader("Simulation started\nKilled\n"), temp);

        // Then
        assertThat(found).isEqualTo(new ExtractedResults(Status.MISSING, -1, "no results block in the log"));
    }

    @Test
    @DisplayName("a block of another runner than the one expected is corrupt")
    void otherRunner() throws IOException {
        // When
        ExtractedResults found = ResultsLog.extract(new StringReader(block(resultsDir(), 3)), temp.resolve("c"), 1);

        // Then
        assertThat(found)
                .isEqualTo(new ExtractedResults(Status.CORRUPT, 3, "results block is runner 3's, not runner 1's"));
    }

    @Test
    @DisplayName("when a log holds two blocks, the last one counts")
    void lastBlockWins() throws IOException {
        // Given an early block and a later, different one
        Path early = Files.createDirectories(temp.resolve("early"));
        Files.writeString(early.resolve("manifest.json"), "{\"early\":true}");
        Path late = Files.createDirectories(temp.resolve("late"));
        Files.writeString(late.resolve("manifest.json"), "{\"late\":true}");
        String log = block(early, 0) + block(late, 0);

        // When
        Path into = temp.resolve("collected");
        ResultsLog.extract(new StringReader(log), into);

        // Then
        assertThat(into.resolve("manifest.json")).hasContent("{\"late\":true}");
    }

    @Test
    @DisplayName("an archive naming a file outside the target directory is corrupt, and that file is not written")
    void escapingEntry() throws IOException {
        // Given a well-framed block whose zip holds "../escaped.txt"
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../escaped.txt"));
            out.write("outside".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] bytes = zip.toByteArray();
        String log = "--- tacos-results begin 0 " + bytes.length + " "
                + HexFormat.of().formatHex(sha256(bytes)) + " ---\n"
                + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes) + "\n"
                + "--- tacos-results end ---\n";

        // When
        ExtractedResults found = ResultsLog.extract(new StringReader(log), temp.resolve("collected"));

        // Then
        assertThat(found)
                .isEqualTo(new ExtractedResults(
                        Status.CORRUPT, 0, "results archive unusable: entry outside its directory: ../escaped.txt"));
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path resultsDir() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("results"));
        Files.writeString(dir.resolve("manifest.json"), "{\"format\":\"tacos-results/1\",\"runner\":{\"index\":2}}");
        Files.writeString(dir.resolve("journeys.json"), "{\"started\":1200}");
        byte[] binary = new byte[50_000];
        new Random(7).nextBytes(binary);
        Files.write(dir.resolve("results.hlog"), binary);
        Path nested = Files.createDirectories(dir.resolve("gatling/js"));
        Files.write(nested.resolve("all.bin"), new byte[] {0, 1, 2, (byte) 0xff, '\n', '\r'});
        return dir;
    }

    private static String block(Path dir, int index) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultsLog.write(dir, index, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
