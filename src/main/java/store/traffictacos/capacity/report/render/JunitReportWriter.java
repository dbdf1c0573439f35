package store.traffictacos.capacity.report.render;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseOutcome;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;
import store.traffictacos.capacity.report.settings.SloSet;
import store.traffictacos.capacity.results.Outcomes;

/**
 * Renders {@code junit.xml} so CI shows SLOs as tests: one {@code <testsuite>} per phase, one
 * {@code <testcase classname="<runId>.<phase>" name="<slo>">} per SLO. The three JUnit results say
 * whose the outcome is, as CI users read them:
 * <ul>
 *   <li>{@code <failure type="SLO">}: the platform broke the SLO (measured value, bounds, threshold);</li>
 *   <li>{@code <error>}: the measurement could not tell, with {@code type="too few samples"} (the bounds
 *       straddle the threshold) or {@code type="not measured"} (the generator fell behind in the phase);
 *       an error, not a pass, since the run did not show the SLO held, and not a failure, since nothing
 *       showed the platform broke it;</li>
 *   <li>{@code <skipped>}: a phase that is not judged (a warm-up), with its measured value; CI shows the
 *       test cases, so nobody wonders where the warm-up went, and counts them neither way.</li>
 * </ul>
 * When the runners kept ledgers, a suite {@code invariants} with one test case per invariant of the sale,
 * failing when it broke. With a baseline, one more suite {@code regression} with a test case {@code "<rule> <subject>"} (e.g.
 * {@code p99IncreasePercent peak}) per regression check, failing when the rule broke.
 */
public final class JunitReportWriter {
    static final String REGRESSION_SUITE = "regression";
    static final String RUNNER_SUITE = "runners";

    private JunitReportWriter() {}

    public static String render(CapacityReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            newLine(xml, 0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", report.runId());
            Comparison comparison = report.comparison();
            long checks = comparison == null ? 0 : comparison.checks().size();
            long broken = comparison == null ? 0 : comparison.broken().size();
            long runners = report.runnerResults().size();
            long runnerProblems = report.runnerProblems().size();
            List<List<Case>> suites =
                    report.phases().stream().map(phase -> cases(report, phase)).toList();
            List<Case> all = suites.stream().flatMap(List::stream).toList();
            long invariants = report.invariants().size();
            long brokenInvariants = report.brokenInvariants().size();
            xml.writeAttribute("tests", Long.toString(all.size() + checks + runners + invariants));
            xml.writeAttribute(
                    "failures", Long.toString(count(all, FAILURE) + broken + runnerProblems + brokenInvariants));
            xml.writeAttribute("errors", Long.toString(count(all, ERROR)));
            xml.writeAttribute("skipped", Long.toString(count(all, SKIPPED)));
            for (int i = 0; i < suites.size(); i++) {
                writeSuite(xml, report.runId(), report.phases().get(i), suites.get(i));
            }
            if (comparison != null) {
                writeRegressionSuite(xml, report.runId(), comparison);
            }
            if (!report.runnerResults().isEmpty()) {
                writeRunnerSuite(xml, report);
            }
            if (invariants > 0) {
                writeInvariantSuite(xml, report);
            }
            newLine(xml, 0);
            xml.writeEndElement();
            newLine(xml, 0);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter cannot fail on I/O; this is a bug.
            throw new IllegalStateException("could not render junit.xml", e);
        }
        return out.toString();
    }

    private static final String FAILURE = "failure";
    private static final String ERROR = "error";
    private static final String SKIPPED = "skipped";

    /** One test case: an SLO's name and, unless it passed, its JUnit result, type and message. */
    private record Case(String name, String result, String type, String message) {
        static Case passed(String name) {
            return new Case(name, null, null, null);
        }
    }

    private static List<Case> cases(CapacityReport report, PhaseReport phase) {
        if (!phase.judged()) {
            return report.slos().slos().stream()
                    .map(slo -> new Case(
                            slo.name(),
                            SKIPPED,
                            null,
                            ReportFiles.Text.NOT_JUDGED + ": " + slo.name() + " measured "
                                    + ReportFiles.Text.metricValue(slo.metric().key(), value(phase, slo))))
                    .toList();
        }
        return phase.slos().stream()
                .map(slo -> switch (slo.outcome()) {
                    case FAIL -> new Case(slo.name(), FAILURE, "SLO", ReportFiles.Text.sloOutcome(slo));
                    case TOO_FEW_SAMPLES ->
                        new Case(slo.name(), ERROR, "too few samples", ReportFiles.Text.sloOutcome(slo));
                    case PASS ->
                        phase.outcome() == PhaseOutcome.NOT_MEASURED
                                ? new Case(
                                        slo.name(),
                                        ERROR,
                                        "not measured",
                                        "not measured: the load generator fell behind its schedule in this phase; "
                                                + ReportFiles.Text.sloOutcome(slo))
                                : Case.passed(slo.name());
                })
                .toList();
    }

    /** A phase's figure for an SLO metric; n/a (NaN) for an endpoint's, which a phase not judged does not keep. */
    private static double value(PhaseReport phase, SloSet.Slo slo) {
        return slo.endpoint() == null ? value(phase, slo.metric()) : Double.NaN;
    }

    private static double value(PhaseReport phase, SloSet.Metric metric) {
        return switch (metric) {
            case P50_MS -> phase.p50Ms();
            case P95_MS -> phase.p95Ms();
            case P99_MS -> phase.p99Ms();
            case MAX_MS -> phase.maxMs();
            case ERROR_RATE -> phase.errorRate();
            case TIMEOUT_RATE ->
                phase.requests() == 0
                        ? 0
                        : (double) phase.errorsByKind().getOrDefault(Outcomes.TIMEOUT, 0L) / phase.requests();
            // not kept per phase (the journey metrics are in the funnel): a phase not judged shows them as n/a
            case NOT_READY_RATE, JOURNEY_COMPLETION, PURCHASE_COMPLETION, ADMISSION_P95_S -> Double.NaN;
        };
    }

    private static long count(List<Case> cases, String result) {
        return cases.stream().filter(test -> result.equals(test.result())).count();
    }

    private static void writeSuite(XMLStreamWriter xml, String runId, PhaseReport phase, List<Case> cases)
            throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", phase.name());
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(count(cases, FAILURE)));
        xml.writeAttribute("errors", Long.toString(count(cases, ERROR)));
        xml.writeAttribute("skipped", Long.toString(count(cases, SKIPPED)));
        xml.writeAttribute("time", Long.toString(phase.endSecond() - phase.startSecond()));
        for (Case test : cases) {
            newLine(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", runId + "." + phase.name());
            xml.writeAttribute("name", test.name());
            if (test.result() != null) {
                newLine(xml, 3);
                xml.writeEmptyElement(test.result());
                xml.writeAttribute("message", test.message());
                if (test.type() != null) {
                    xml.writeAttribute("type", test.type());
                }
                newLine(xml, 2);
            }
            xml.writeEndElement();
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    private static void writeRegressionSuite(XMLStreamWriter xml, String runId, Comparison comparison)
            throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", REGRESSION_SUITE);
        xml.writeAttribute("tests", Integer.toString(comparison.checks().size()));
        xml.writeAttribute("failures", Integer.toString(comparison.broken().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        for (RuleCheck check : comparison.checks()) {
            newLine(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", runId + "." + REGRESSION_SUITE);
            xml.writeAttribute("name", check.rule() + " " + check.subject());
            if (check.broken()) {
                newLine(xml, 3);
                xml.writeEmptyElement("failure");
                xml.writeAttribute(
                        "message",
                        ReportFiles.Text.ruleCheck(check) + " against baseline " + comparison.baselineRunId());
                xml.writeAttribute("type", "regression");
                newLine(xml, 2);
            }
            xml.writeEndElement();
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    /** One test case per runner: its results are complete, or the run measured less than its profile. */
    private static void writeRunnerSuite(XMLStreamWriter xml, CapacityReport report) throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", RUNNER_SUITE);
        xml.writeAttribute("tests", Integer.toString(report.runnerResults().size()));
        xml.writeAttribute("failures", Integer.toString(report.runnerProblems().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        for (CapacityReport.RunnerResult runner : report.runnerResults()) {
            newLine(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", report.runId() + "." + RUNNER_SUITE);
            xml.writeAttribute("name", "runner " + runner.index() + " results complete");
            if (!runner.complete()) {
                newLine(xml, 3);
                xml.writeEmptyElement("failure");
                xml.writeAttribute(
                        "message", "runner " + runner.index() + " " + runner.status() + ": " + runner.detail());
                xml.writeAttribute("type", "runner");
                newLine(xml, 2);
            }
            xml.writeEndElement();
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    /** One test case per invariant of the sale, failing when it broke. */
    private static void writeInvariantSuite(XMLStreamWriter xml, CapacityReport report) throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", InvariantText.SUITE);
        xml.writeAttribute("tests", Integer.toString(report.invariants().size()));
        xml.writeAttribute(
                "failures", Integer.toString(report.brokenInvariants().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        for (CapacityReport.InvariantReport invariant : report.invariants()) {
            newLine(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", report.runId() + "." + InvariantText.SUITE);
            xml.writeAttribute("name", invariant.name());
            if (!invariant.pass()) {
                newLine(xml, 3);
                xml.writeEmptyElement("failure");
                xml.writeAttribute("message", InvariantText.broken(invariant));
                xml.writeAttribute("type", "invariant");
                newLine(xml, 2);
            }
            xml.writeEndElement();
        }
        newLine(xml, 1);
        xml.writeEndElement();
    }

    /** StAX writes no whitespace of its own; indentation keeps the file readable in a CI artifact. */
    private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
