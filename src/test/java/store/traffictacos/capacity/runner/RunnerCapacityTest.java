package store.traffictacos.capacity.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RunnerCapacity")
class RunnerCapacityTest {

    @Test
    @DisplayName("the default share is two thirds of the sustained rate, rounded down to 500")
    void defaultShareRule() {
        assertThat(RunnerCapacity.DEFAULT_SHARE_RPS)
                .isEqualTo(Math.floor(RunnerCapacity.SUSTAINED_RPS * 2 / 3 / 500) * 500);
    }

    @Test
    @DisplayName("the sustained rate and the default share are the ones BENCHMARKS.md's full run measured")
    void matchesTheBenchmark() throws IOException {
        // Given the runner sizing section of the committed BENCHMARKS.md
        String sizing = section(Files.readString(Path.of("BENCHMARKS.md")), "### 6. Runner sizing");
        assumeFalse(sizing.contains("not confirmed in a fresh JVM"),
                "BENCHMARKS.md holds a bench/run --quick or --smoke run; only a full run sizes runners");

        // Then the figures here are the run's
        assertThat(number(sizing, "The runner sustained ([0-9,]+) req/s")).isEqualTo(RunnerCapacity.SUSTAINED_RPS);
        assertThat(number(sizing, "a runner should be given \\*\\*([0-9,]+) req/s\\*\\*"))
                .isEqualTo(RunnerCapacity.DEFAULT_SHARE_RPS);
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
