package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import store.traffictacos.capacity.report.ReportBuilder;
import store.traffictacos.capacity.report.ReportInputs;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.SyntheticRun;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.settings.SloSet;

@DisplayName("JunitReportWriter")
class JunitReportWriterTest {

    @Test
    @DisplayName("one testsuite per phase and one testcase per SLO, named <runId>.<phase> and the SLO name")
    void suitesAndCases() throws Exception {
        // When
        Document xml = parse(JunitReportWriter.render(SampleReports.failingAtPeak()));

        // Then
        List<Element> suites = elements(xml, "testsuite");
        assertThat(suites)
                .extracting(suite -> suite.getAttribute("name"))
                .containsExactly("warmup", "ramp", "peak", "cooldown");
        assertThat(elements(suites.get(2), "testcase"))
                .extracting(test -> test.getAttribute("classname") + " / " + test.getAttribute("name"))
                .containsExactly(
                        "ci-1234.peak / p99 latency", "ci-1234.peak / p95 latency", "ci-1234.peak / error rate");
    }

    @Test
    @DisplayName("tests and failures are counted per suite and in total")
    void counts() throws Exception {
        // When
        Document xml = parse(JunitReportWriter.render(SampleReports.failingAtPeak()));

        // Then
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("12");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(elements(xml, "testsuite"))
                .extracting(suite -> suite.getAttribute("failures"))
                .containsExactly("0", "0", "1", "0");
        assertThat(elements(xml, "testsuite"))
                .extracting(suite -> suite.getAttribute("tests"))
                .containsOnly("3");
    }

    @Test
    @DisplayName("a failed SLO has a failure with the measured value and the threshold in its unit")
    void failureMessage() throws Exception {
        // When
        Document xml = parse(JunitReportWriter.render(SampleReports.failingAtPeak()));

        // Then
        assertThat(elements(xml, "failure")).singleElement().satisfies(failure -> {
            assertThat(failure.getAttribute("message")).isEqualTo("p99 latency: measured 180.4 ms, threshold 100 ms");
            assertThat(((Element) failure.getParentNode()).getAttribute("classname"))
                    .isEqualTo("ci-1234.peak");
        });
    }

    @Test
    @DisplayName("a phase not judged has its SLOs as skipped test cases, with the value measured")
    void notJudgedSkipped() throws Exception {
        // When
        Document xml = parse(JunitReportWriter.render(SampleReports.withWarmUpNotJudged()));

        // Then
        Element warmUp = elements(xml, "testsuite").get(0);
        assertThat(warmUp.getAttribute("skipped")).isEqualTo("3");
        assertThat(elements(warmUp, "skipped"))
                .extracting(skipped -> skipped.getAttribute("message"))
                .containsExactly(
                        "warm-up, not judged: p99 latency measured 38 ms",
                        "warm-up, not judged: p95 latency measured 21.5 ms",
                        "warm-up, not judged: error rate measured 0 %");
        Element root = xml.getDocumentElement();
        assertThat(List.of(root.getAttribute("tests"), root.getAttribute("failures"), root.getAttribute("skipped")))
                .containsExactly("12", "1", "3");
    }

    @Test
    @DisplayName("an SLO on too few samples is an error (not a pass, not the platform's failure) with its bounds")
    void tooFewSamplesIsError(@TempDir Path dir) throws Exception {
        // Given 100 fast responses: too few to bound p99 from above
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 10).sendAsScheduled(second -> 20_000);
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), noSettle()));

        // When
        Document xml = parse(JunitReportWriter.render(report));

        // Then
        assertThat(elements(xml, "failure")).isEmpty();
        assertThat(elements(xml, "error")).singleElement().satisfies(error -> {
            assertThat(error.getAttribute("type")).isEqualTo("too few samples");
            assertThat(error.getAttribute("message"))
                    .isEqualTo("p99 latency: measured 20 ms (95 % bounds 20 ms – none, 100 samples), "
                            + "threshold 100 ms: too few samples");
        });
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    }

    @Test
    @DisplayName("the SLOs of a phase the generator could not load are errors: not measured")
    void notMeasuredIsError(@TempDir Path dir) throws Exception {
        // Given a fast phase that sent half its schedule in one second
        SyntheticRun run = new SyntheticRun(dir, 1).phase("peak", 10, 100);
        for (int second = 0; second < 10; second++) {
            run.requests(second, second == 4 ? 50 : 100, "ok", i -> 20_000);
        }
        CapacityReport report = ReportBuilder.build(ReportInputs.alone(run.merge(), noSettle()));

        // When
        Document xml = parse(JunitReportWriter.render(report));

        // Then
        assertThat(elements(xml, "error")).hasSize(3).allSatisfy(error -> {
            assertThat(error.getAttribute("type")).isEqualTo("not measured");
            assertThat(error.getAttribute("message")).startsWith("not measured: the load generator fell behind");
        });
    }

    private static SloSet noSettle() {
        SloSet defaults = SloSet.defaults();
        return new SloSet(defaults.slos(), 0, defaults.generatorBehindRatio());
    }

    @Test
    @DisplayName("names with markup characters are escaped and come back verbatim")
    void namesEscaped() throws Exception {
        // Given
        String awkward = "peak & \"burst\" <1> 'x'";

        // When
        Document xml = parse(JunitReportWriter.render(SampleReports.withFirstPhaseNamed(awkward)));

        // Then
        assertThat(elements(xml, "testsuite").get(0).getAttribute("name")).isEqualTo(awkward);
        assertThat(elements(xml, "testcase").get(0).getAttribute("classname")).isEqualTo("ci-1234." + awkward);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document xml, String tag) {
        return elements(xml.getElementsByTagName(tag));
    }

    private static List<Element> elements(Element parent, String tag) {
        return elements(parent.getElementsByTagName(tag));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
