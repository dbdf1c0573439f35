package store.traffictacos.capacity.report.render;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SloResult;
import store.traffictacos.capacity.report.model.Comparison;
import store.traffictacos.capacity.report.model.Comparison.RuleCheck;

/**
 * Renders {@code junit.xml} so CI shows SLOs as tests: one {@code <testsuite>} per phase, one
 * {@code <testcase classname="<runId>.<phase>" name="<slo>">} per SLO, a {@code <failure>} with the
 * measured value and threshold for each SLO that did not hold. With a baseline, one more suite
 * {@code regression} with a test case {@code "<rule> <subject>"} (e.g. {@code p99IncreasePercent peak})
 * per regression check, failing when the rule broke.
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
            xml.writeAttribute("tests", Long.toString(ReportFiles.Text.sloChecks(report) + checks + runners));
            xml.writeAttribute(
                    "failures", Long.toString(ReportFiles.Text.failedSloChecks(report) + broken + runnerProblems));
            xml.writeAttribute("errors", "0");
            for (PhaseReport phase : report.phases()) {
                writeSuite(xml, report.runId(), phase);
            }
            if (comparison != null) {
                writeRegressionSuite(xml, report.runId(), comparison);
            }
            if (!report.runnerResults().isEmpty()) {
                writeRunnerSuite(xml, report);
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

    private static void writeSuite(XMLStreamWriter xml, String runId, PhaseReport phase) throws XMLStreamException {
        newLine(xml, 1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", phase.name());
        xml.writeAttribute("tests", Integer.toString(phase.slos().size()));
        xml.writeAttribute(
                "failures",
                Long.toString(phase.slos().stream().filter(slo -> !slo.pass()).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", Long.toString(phase.endSecond() - phase.startSecond()));
        for (SloResult slo : phase.slos()) {
            newLine(xml, 2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", runId + "." + phase.name());
            xml.writeAttribute("name", slo.name());
            if (!slo.pass()) {
                newLine(xml, 3);
                xml.writeEmptyElement("failure");
                xml.writeAttribute("message", ReportFiles.Text.sloOutcome(slo));
                xml.writeAttribute("type", "SLO");
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

    /** StAX writes no whitespace of its own; indentation keeps the file readable in a CI artifact. */
    private static void newLine(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
