package store.traffictacos.capacity.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.report.settings.SloFile;

/** What a report is judged against, as {@code run}, {@code report} and {@code collect} take it: the SLO file and a baseline. */
final class JudgeOptions {
    @Option(
            names = "--slo",
            paramLabel = "FILE",
            description = "SLO file (YAML) with SLOs, regression rules and "
                    + "prices; default: the team's runbook SLOs (p99 < 100 ms, p95 < 500 ms, errors < 1 %%).")
    Path sloFile;

    @Option(names = "--baseline", paramLabel = "REPORT_JSON", description = "Compare with this earlier report.json.")
    Path baselineFile;

    /** The SLO file's settings, or the runbook's; read now, so a bad file fails before any work. */
    ReportSettings settings() {
        return SloFile.settingsOrDefaults(sloFile);
    }
}
