package store.traffictacos.capacity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The committed BENCHMARKS.md and {@code bench/baseline.json} come from one full {@code bench/run}: it
 * writes both, so a hand edit of one or a run whose section was not committed shows here.
 */
@DisplayName("BENCHMARKS.md beside bench/baseline.json")
class BenchmarksFileTest {

    @Test
    @DisplayName("its runner sizing and the code it measured are those of bench/baseline.json")
    void sizingOfTheBaseline() throws IOException {
        // Given the toolkit's section of BENCHMARKS.md, from a full run
        String markdown = Files.readString(Path.of("BENCHMARKS.md"));
        String sizing = section(markdown, "### 6. Runner sizing");
        assumeFalse(
                sizing.contains("not confirmed in a fresh JVM"),
                "BENCHMARKS.md holds a bench/run --quick or --smoke run; only a full run sizes runners");
        JsonNode baseline =
                new ObjectMapper().readTree(Path.of("bench", "baseline.json").toFile());

        // Then
        assertThat(number(sizing, "The runner sustained ([0-9,]+) req/s"))
                .isEqualTo(baseline.at("/runner/sustainedRps").asDouble());
        assertThat(number(sizing, "a runner should be given \\*\\*([0-9,]+) req/s\\*\\*"))
                .isEqualTo(baseline.at("/runner/defaultShareRps").asDouble());
        assertThat(markdown)
                .contains(
                        "Written by `bench/run` on " + baseline.at("/run/date").asText(),
                        "Code: commit `" + baseline.at("/run/commit").asText() + "`");
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertThat(start).as("BENCHMARKS.md has %s", heading).isNotNegative();
        int end = markdown.indexOf("\n### ", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return Double.parseDouble(matcher.group(1).replace(",", ""));
    }
}
