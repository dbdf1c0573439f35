package store.traffictacos.capacity.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A runner's results directory carried through its pod log, so the controller can collect it
 * wherever it can read pod logs: from a laptop with a kubeconfig, or in the cluster with nothing
 * but {@code pods/log} access. The runner prints one framed block at its end (normal exit or
 * SIGTERM):
 *
 * <pre>
 * --- tacos-results begin &lt;runnerIndex&gt; &lt;byteCount&gt; &lt;sha256&gt; ---
 * &lt;base64 of a zip of the results directory, 76 characters a line&gt;
 * --- tacos-results end ---
 * </pre>
 *
 * {@code byteCount} and {@code sha256} (lowercase hex) are those of the zip bytes; zip entries are
 * the directory's regular files by relative, '/'-separated path. Zip, not tar.gz, because the JDK
 * writes and reads it without another dependency. Lines inside the frame that are
 * not base64 are skipped, since another thread may print between the block's lines; a stray line
 * that happens to be base64 shows up as a checksum mismatch, never as wrong results. When a log
 * holds several blocks, the last one counts.
 */
public final class ResultsLog {

    private static final String BEGIN = "--- tacos-results begin ";
    private static final String END = "--- tacos-results end ---";
    private static final int LINE_LENGTH = 76;
    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private ResultsLog() {}

    /** Prints {@code dir} as one block, in a single write so other output cannot split a line of it. */
    public static void write(Path dir, int runnerIndex, PrintStream out) throws IOException {
        byte[] zip = ResultsArchive.zip(dir);
        String base64 = Base64.getMimeEncoder(LINE_LENGTH, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(zip);
        out.print(BEGIN + runnerIndex + " " + zip.length + " " + sha256(zip) + " ---\n" + base64 + "\n" + END + "\n");
        out.flush();
    }

    /** Finds the last block in {@code podLog} and, if it is whole, writes its files under {@code intoDir}. */
    public static ExtractedResults extract(Reader podLog, Path intoDir) throws IOException {
        return extract(podLog, intoDir, -1);
    }

    /** As {@link #extract(Reader, Path)}, refusing as corrupt a block of another runner than {@code expectedIndex}. */
    public static ExtractedResults extract(Reader podLog, Path intoDir, int expectedIndex) throws IOException {
        BufferedReader lines = new BufferedReader(podLog);
        Block last = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String text = line.strip();
            if (text.startsWith(BEGIN)) {
                last = new Block(text);
            } else if (last != null && !last.ended) {
                if (text.equals(END)) {
                    last.ended = true;
                } else if (BASE64_LINE.matcher(text).matches()) {
                    last.base64.append(text);
                }
            }
        }
        if (last == null) {
            return ExtractedResults.missing("no results block in the log");
        }
        return last.extractInto(intoDir, expectedIndex);
    }

    /** One block as read so far. */
    private static final class Block {
        private final int runnerIndex;
        private final long byteCount;
        private final String sha256;
        private final StringBuilder base64 = new StringBuilder();
        private boolean ended;

        Block(String beginLine) {
            // "--- tacos-results begin <index> <bytes> <sha256> ---"; a malformed line leaves index -1.
            String[] fields = beginLine.substring(BEGIN.length()).split(" ");
            boolean wellFormed = fields.length == 4
                    && fields[0].matches("\\d{1,9}")
                    && fields[1].matches("\\d{1,18}")
                    && fields[2].matches("[0-9a-f]{64}")
                    && fields[3].equals("---");
            runnerIndex = wellFormed ? Integer.parseInt(fields[0]) : -1;
            byteCount = wellFormed ? Long.parseLong(fields[1]) : -1;
            sha256 = wellFormed ? fields[2] : null;
        }

        ExtractedResults extractInto(Path intoDir, int expectedIndex) throws IOException {
            if (runnerIndex < 0) {
                return ExtractedResults.corrupt(-1, "malformed results begin line");
            }
            if (expectedIndex >= 0 && runnerIndex != expectedIndex) {
                return ExtractedResults.corrupt(
                        runnerIndex,
                        "results block is runner " + runnerIndex + "'s, not runner " + expectedIndex + "'s");
            }
            if (!ended) {
                return ExtractedResults.corrupt(
                        runnerIndex,
                        "results block cut off after about " + base64.length() * 3 / 4 + " of " + byteCount + " bytes");
            }
            byte[] zip;
            try {
                zip = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException notBase64) {
                return ExtractedResults.corrupt(runnerIndex, "results block is not valid base64");
            }
            if (zip.length != byteCount) {
                return ExtractedResults.corrupt(
                        runnerIndex, "results block has " + zip.length + " bytes, its header says " + byteCount);
            }
            if (!sha256(zip).equals(sha256)) {
                return ExtractedResults.corrupt(runnerIndex, "results block checksum mismatch");
            }
            try {
                ResultsArchive.unzip(zip, intoDir);
            } catch (ZipException badArchive) {
                return ExtractedResults.corrupt(runnerIndex, "results archive unusable: " + badArchive.getMessage());
            }
            return ExtractedResults.ok(runnerIndex);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
