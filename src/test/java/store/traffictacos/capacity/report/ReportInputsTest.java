package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.platform.PlatformSample;
import store.traffictacos.capacity.platform.PlatformSeriesFile;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.results.Manifest;
import store.traffictacos.capacity.runner.RunFolder;

@DisplayName("ReportInputs of a run folder")
class ReportInputsTest {
    private static final String RUNNERS_JSON = """
            {"runners": [{"index": 1, "outcome": "collected", "phase": "failed",
                          "description": "collected (partial: terminated)"}]}
            """;

    @TempDir
    Path runDir;

    private void writeRunners() {
        new SyntheticRun(runDir, 2)
                .phase("steady", 10, 10)
                .sendAsScheduled(second -> 1_000)
                .merge();
    }

    @Test
    @DisplayName("gathers the runner folders' results, runners.json, platform.json, the history and the settings")
    void everything() throws IOException {
        // Given
        writeRunners();
        Files.writeString(new RunFolder(runDir).runnersFile(), RUNNERS_JSON);
        List<PlatformSample> samples =
                List.of(new PlatformSample("redis", "a:6379/cpu_pct", SyntheticRun.START, 40, "%"));
        PlatformSeriesFile.write(
                new RunFolder(runDir).platformFile(), samples, Map.of("cloudwatch", "no AWS credentials"));
        ReportSettings settings = ReportSettings.defaults();
        History history = History.none();

        // When
        ReportInputs inputs = ReportInputs.read(runDir, settings, history);

        // Then
        assertThat(inputs.results().runners()).extracting(Manifest::runnerIndex).containsExactly(0, 1);
        assertThat(inputs.runnerOutcomes().runner(1))
                .hasValueSatisfying(
                        runner -> assertThat(runner.description()).isEqualTo("collected (partial: terminated)"));
        assertThat(inputs.platform())
                .isEqualTo(new PlatformSeriesFile.Contents(samples, Map.of("cloudwatch", "no AWS credentials")));
        assertThat(inputs.history()).isSameAs(history);
        assertThat(inputs.settings()).isSameAs(settings);
    }

    @Test
    @DisplayName("a run folder without runners.json or platform.json has no runner outcomes and no platform series")
    void resultsAlone() {
        // Given
        writeRunners();

        // When
        ReportInputs inputs = ReportInputs.read(runDir, ReportSettings.defaults(), History.none());

        // Then
        assertThat(inputs.runnerOutcomes().runners()).isEmpty();
        assertThat(inputs.platform().samples()).isEmpty();
        assertThat(inputs.platform().unavailable()).isEmpty();
    }

    @Test
    @DisplayName("a platform.json that is not one is one line naming it")
    void brokenPlatformFile() throws IOException {
        // Given
        writeRunners();
        Path platform = Files.writeString(new RunFolder(runDir).platformFile(), "{\"format\": \"other/1\"}");

        // When / Then
        assertThatThrownBy(() -> ReportInputs.read(runDir, ReportSettings.defaults(), History.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read " + platform + ": " + platform + " is not a tacos-platform/1 file (format: "
                        + "other/1)");
    }
}
