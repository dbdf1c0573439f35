package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.report.SampleReports;

@DisplayName("HtmlReportWriter")
class HtmlReportWriterTest {
    private static final Pattern DATA_IMAGE = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    // Rendered once: drawing the four charts is the slow part.
    private static final String html = HtmlReportWriter.render(SampleReports.failingAtPeak());

    @Test
    @DisplayName("the four charts are embedded as PNG data URIs that decode to real pictures")
    void embeddedCharts() throws IOException {
        // When
        List<byte[]> images = embeddedImages(html);

        // Then
        assertThat(images).hasSize(4);
        for (byte[] png : images) {
            assertThat(Arrays.copyOf(png, 8)).containsExactly(PNG_SIGNATURE);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isGreaterThan(400);
            assertThat(ChartsTest.distinctColours(image)).isGreaterThan(10);
        }
    }

    @Test
    @DisplayName("a phase not judged reads warm-up, not judged, in the phase and SLO tables")
    void notJudged() {
        // When
        String notJudged = HtmlReportWriter.render(SampleReports.withWarmUpNotJudged());

        // Then
        assertThat(notJudged)
                .contains("<td class=\"idle\">warm-up, not judged</td></tr>")
                .contains("<tr><td class=\"name\">warmup</td><td class=\"name idle\" colspan=\"5\">"
                        + "warm-up, not judged</td></tr>")
                .contains("1 of 9 SLO checks failed; warm-up, not judged: warmup");
    }

    @Test
    @DisplayName("the file refers to nothing outside itself: no scripts, links, stylesheets or URLs")
    void selfContained() {
        // Then
        assertThat(html).doesNotContain("<script", "<link", "@import", "url(", "http://", "https://", "//cdn");
        assertThat(html).contains("<style>");
        assertThat(html.replaceAll("src=\"data:image/png;base64,[^\"]+\"", "")).doesNotContain("src=");
    }

    @Test
    @DisplayName("the knee box at the top shows the verdict, the knee and each failed SLO")
    void kneeBox() {
        // Then
        String knee = html.substring(html.indexOf("<div class=\"knee fail\">"), html.indexOf("</div>"));
        assertThat(knee)
                .contains(
                        "FAIL",
                        "Capacity knee: 400 req/s, limited by p99 latency",
                        "peak: p99 latency: measured 180.4 ms, threshold 100 ms");
        assertThat(html.indexOf("class=\"knee")).isLessThan(html.indexOf("data:image/png"));
    }

    @Test
    @DisplayName("the SLO table has a styled row per phase and SLO with measured value and threshold")
    void sloTable() {
        // Then
        assertThat(html)
                .contains("<tr><td class=\"name\">peak</td><td class=\"name\">p99 latency</td>"
                        + "<td>180.4 ms</td><td></td><td>&lt; 100 ms</td><td class=\"fail\">FAIL</td></tr>");
        assertThat(html)
                .contains("<tr><td class=\"name\">ramp</td><td class=\"name\">error rate</td>"
                        + "<td>0.2 %</td><td></td><td>&lt; 1 %</td><td class=\"pass\">pass</td></tr>");
    }

    @Test
    @DisplayName("the phase, endpoint and warning tables list every phase, endpoint and warning")
    void otherTables() {
        // Then
        assertThat(html)
                .contains(
                        "<td class=\"name\">warmup</td><td>0–15 s</td><td>100 req/s</td>",
                        "<td class=\"name\">cooldown</td><td>50–60 s</td>",
                        "<td class=\"name\">POST /api/v1/reservations</td><td>1200</td><td>20.1 ms</td>",
                        "<td>40–43 s</td>");
    }

    @Test
    @DisplayName("text from the report is HTML-escaped")
    void escaped() {
        // When
        String awkward = HtmlReportWriter.render(SampleReports.withFirstPhaseNamed("<b>warm</b> & up"));

        // Then
        assertThat(awkward)
                .contains("&lt;b&gt;warm&lt;/b&gt; &amp; up")
                .contains("sent 91 % &lt;97 %&gt; of schedule | runner &quot;b&quot; &amp; &#39;c&#39;")
                .doesNotContain("<b>warm");
    }

    private static List<byte[]> embeddedImages(String html) {
        List<byte[]> images = new ArrayList<>();
        Matcher matcher = DATA_IMAGE.matcher(html);
        while (matcher.find()) {
            images.add(Base64.getDecoder().decode(matcher.group(1)));
        }
        return images;
    }
}
