package store.traffictacos.capacity.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.Verdict;
import store.traffictacos.capacity.report.model.ReportJson;
import store.traffictacos.capacity.report.render.HtmlReportWriter;
import store.traffictacos.capacity.report.render.JunitReportWriter;
import store.traffictacos.capacity.report.render.MarkdownReportWriter;
import store.traffictacos.capacity.report.settings.ReportSettings;
import store.traffictacos.capacity.results.invariants.Ledger;
import store.traffictacos.capacity.results.invariants.LedgerFile;

@DisplayName("Invariants in the report")
class InvariantsInReportTest {
    @TempDir
    Path dir;

    /** Two runners whose every request is answered in 20 ms: every SLO holds. */
    private void fastRun() {
        new SyntheticRun(dir, 2)
                .phase("steady", 20, 200)
                .sendAsScheduled(second -> 20_000)
                .merge();
    }

    private void ledgers(Ledger... runners) throws IOException {
        for (int index = 0; index < runners.length; index++) {
            LedgerFile.write(dir.resolve("runner-" + index), runners[index].data());
        }
    }

    private int reservations;

    /** A runner that sold {@code seats} of evt_1 in one reservation of its own, paid and confirmed in time. */
    private Ledger sold(String... seats) {
        String reservation = "r-" + ++reservations;
        Ledger ledger = new Ledger();
        ledger.approved(reservation);
        ledger.confirmed("evt_1", List.of(seats), reservation, true, false);
        return ledger;
    }

    private CapacityReport report() {
        return ReportService.write(dir, ReportSettings.defaults(), History.none())
                .report();
    }

    @Test
    @DisplayName("a clean sale with every SLO held passes, every invariant listed as held")
    void cleanSalePasses() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S2"));

        // When
        CapacityReport report = report();

        // Then
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.invariants())
                .extracting(CapacityReport.InvariantReport::name)
                .containsExactly("seat_sold_once", "token_admitted_once", "confirm_paid_once", "confirm_within_hold");
        assertThat(report.invariants()).allMatch(CapacityReport.InvariantReport::pass);
    }

    @Test
    @DisplayName("a seat sold by two runners fails the run with exit code 2 however fast it answered")
    void brokenInvariantFailsTheRun() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S1"));

        // When
        CapacityReport report = report();

        // Then
        assertThat(report.phases()).allMatch(CapacityReport.PhaseReport::pass);
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(ReportBuilder.exitCode(report)).isEqualTo(ReportBuilder.EXIT_NOT_PASSED);
    }

    @Test
    @DisplayName("report.json lists each invariant with name, violations, examples and pass")
    void reportJsonHasInvariants() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S1"));
        report();

        // When
        JsonNode invariants =
                ReportJson.MAPPER.readTree(dir.resolve("report.json").toFile()).path("invariants");

        // Then
        assertThat(invariants).hasSize(4);
        JsonNode seats = invariants.get(0);
        assertThat(seats.path("name").asText()).isEqualTo("seat_sold_once");
        assertThat(seats.path("violations").asLong()).isEqualTo(1);
        assertThat(seats.path("examples").get(0).asText()).isEqualTo("evt_1/S1");
        assertThat(seats.path("pass").asBoolean()).isFalse();
        assertThat(ReportJson.read(dir.resolve("report.json")).invariants()).isEqualTo(report().invariants());
    }

    @Test
    @DisplayName("JUnit has one test case per invariant, the broken one a failure naming its example")
    void junitCasePerInvariant() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S1"));

        // When
        String junit = JunitReportWriter.render(report());

        // Then
        assertThat(junit)
                .contains("<testsuite name=\"invariants\" tests=\"4\" failures=\"1\"")
                .contains("name=\"token_admitted_once\"")
                .contains("type=\"invariant\"")
                .contains("evt_1/S1");
    }

    @Test
    @DisplayName("Markdown shows the invariants table with counts and examples, and says which broke")
    void markdownTable() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S1"));

        // When
        String markdown = MarkdownReportWriter.render(report());

        // Then
        assertThat(markdown)
                .contains("Invariants: 1 of 4 invariants broken: seat\\_sold\\_once (1)")
                .contains("| seat\\_sold\\_once | 2 answers | 1 | FAIL | evt\\_1/S1 |");
    }

    @Test
    @DisplayName("HTML shows the invariants table with the broken one's example")
    void htmlTable() throws IOException {
        // Given
        fastRun();
        ledgers(sold("S1"), sold("S1"));

        // When
        String html = HtmlReportWriter.render(report());

        // Then
        assertThat(html)
                .contains("<h2>Invariants of the sale</h2>")
                .contains("seat_sold_once: no seat confirmed twice")
                .contains("evt_1/S1");
    }

    @Test
    @DisplayName("a run whose runners kept no ledger checks no invariant and its report.json has none")
    void noLedgersNoInvariants() throws IOException {
        // Given
        fastRun();

        // When
        CapacityReport report = report();

        // Then
        assertThat(report.invariants()).isEmpty();
        assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain("invariants");
    }

    @Test
    @DisplayName("a run whose runners kept no ledger says in Markdown and HTML that the invariants were not checked, "
            + "never PASS")
    void noLedgersSaysNotChecked() throws IOException {
        // Given a run whose runners ran with -Dinvariants=off (no ledger written)
        fastRun();

        // When
        CapacityReport report = report();
        String markdown = MarkdownReportWriter.render(report);
        String html = HtmlReportWriter.render(report);

        // Then
        assertThat(markdown)
                .contains("Invariants: not checked: the runners kept no ledger of the sale (-Dinvariants=off")
                .doesNotContain("#### Invariants of the sale");
        assertThat(html).contains("<p>Invariants not checked: the runners kept no ledger of the sale");
        assertThat(JunitReportWriter.render(report)).doesNotContain("name=\"invariants\"");
    }
}
