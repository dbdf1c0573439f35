package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import store.traffictacos.capacity.report.SampleReports;

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
