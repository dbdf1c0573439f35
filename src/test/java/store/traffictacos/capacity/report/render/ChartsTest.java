package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import store.traffictacos.capacity.report.SampleReports;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformPoint;
import store.traffictacos.capacity.report.model.CapacityReport.PlatformSeries;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;

@DisplayName("Charts")
class ChartsTest {
    private final CapacityReport report = SampleReports.failingAtPeak();

    @Test
    @DisplayName("the throughput chart has offered, sent and achieved series over the 60 timeline seconds")
    void throughputSeries() {
        // When
        XYPlot plot = Charts.throughputChart(report).getXYPlot();

        // Then
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("offered");
        assertThat(plot.getDataset().getSeriesKey(2)).isEqualTo("achieved");
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(60);
    }

    @Test
    @DisplayName("the latency chart marks the p99 SLO threshold with a horizontal line")
    void p99Threshold() {
        // When
        XYPlot plot = Charts.latencyChart(report).getXYPlot();

        // Then
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND))
                .singleElement()
                .satisfies(
                        marker -> assertThat(((ValueMarker) marker).getValue()).isEqualTo(100.0));
    }

    @Test
    @DisplayName("time charts mark each phase start with a labelled line and shade its settle period")
    void phaseMarkers() {
        // When
        XYPlot plot = Charts.latencyChart(report).getXYPlot();

        // Then
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND))
                .extracting(marker -> ((Marker) marker).getLabel())
                .containsExactly("warmup", "ramp", "peak", "cooldown");
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND))
                .extracting(marker ->
                        ((IntervalMarker) marker).getStartValue() + "-" + ((IntervalMarker) marker).getEndValue())
                .containsExactly("0.0-5.0", "15.0-20.0", "30.0-35.0", "50.0-55.0");
    }

    @Test
    @DisplayName("the time charts share one x range, from 0 to the end of the last phase")
    void sharedTimeAxis() {
        for (JFreeChart chart : new JFreeChart[] {
            Charts.throughputChart(report), Charts.latencyChart(report), Charts.errorsChart(report)
        }) {
            // When
            var axis = chart.getXYPlot().getDomainAxis();

            // Then
            assertThat(axis.getLowerBound()).isZero();
            assertThat(axis.getUpperBound()).isEqualTo(60.0);
        }
    }

    @Test
    @DisplayName("the errors chart stacks one series per error kind")
    void errorKinds() {
        // When
        XYPlot plot = Charts.errorsChart(report).getXYPlot();

        // Then
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(Set.of(plot.getDataset().getSeriesKey(0), plot.getDataset().getSeriesKey(1)))
                .containsExactlyInAnyOrder("http_503", "timeout");
    }

    @Test
    @DisplayName("a platform chart is titled by what its series measure, and leaves out a series that is 0 throughout")
    void platformChart() {
        // Given the target's request rate, and its capacity queue empty throughout
        CapacityReport withPlatform = withPlatformSeries(List.of(
                new PlatformSeries(
                        "target",
                        "requests_per_sec",
                        "/s",
                        List.of(new PlatformPoint(2, 95), new PlatformPoint(4, 105))),
                new PlatformSeries(
                        "target",
                        "capacity_rejections_per_sec",
                        "/s",
                        List.of(new PlatformPoint(2, 0), new PlatformPoint(4, 0)))));

        // When
        JFreeChart chart = Charts.platformChart(withPlatform, "target", "/s");

        // Then
        assertThat(chart.getTitle().getText()).isEqualTo("Embedded target: requests per second (/s)");
        assertThat(chart.getXYPlot().getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(Charts.flatZero(withPlatform.platform().get(1))).isTrue();
        assertThat(Charts.flatZero(withPlatform.platform().get(0))).isFalse();
    }

    @Test
    @DisplayName("a title names a source's measures without the node or workload, the fifth and more counted")
    void platformTitle() {
        // Then
        assertThat(Charts.platformTitle(
                        "kubernetes",
                        "replicas",
                        List.of(
                                "hpa/app/gateway/current_replicas",
                                "hpa/app/queue/current_replicas",
                                "hpa/app/gateway/desired_replicas",
                                "hpa/app/gateway/min_replicas",
                                "hpa/app/gateway/max_replicas",
                                "deployment/app/gateway/ready_replicas")))
                .isEqualTo("Kubernetes: current replicas, desired replicas, min replicas, max replicas and 1 more "
                        + "(replicas)");
    }

    @Test
    @DisplayName("a phase not judged is shaded whole and labelled so on the time charts")
    void notJudgedShaded() {
        // When
        XYPlot plot = Charts.latencyChart(SampleReports.withWarmUpNotJudged()).getXYPlot();

        // Then
        assertThat(plot.getDomainMarkers(Layer.BACKGROUND))
                .extracting(marker -> ((IntervalMarker) marker).getStartValue() + "-"
                        + ((IntervalMarker) marker).getEndValue() + " " + ((Marker) marker).getLabel())
                .containsExactly("0.0-15.0 warm-up, not judged", "15.0-20.0 null", "30.0-35.0 null", "50.0-55.0 null");
    }

    @Test
    @DisplayName("errors are counted only when some second had one")
    void anyErrors() {
        // Then
        assertThat(Charts.anyErrors(report)).isTrue();
        assertThat(Charts.anyErrors(withoutErrors())).isFalse();
    }

    private CapacityReport withPlatformSeries(List<PlatformSeries> platform) {
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                report.phases(),
                report.endpoints(),
                report.timeline(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                platform,
                Map.of());
    }

    private CapacityReport withoutErrors() {
        return new CapacityReport(
                report.format(),
                report.runId(),
                report.profile(),
                report.runners(),
                report.startEpochMs(),
                report.endEpochMs(),
                report.verdict(),
                report.knee(),
                report.phases(),
                report.endpoints(),
                report.timeline().stream()
                        .map(point -> new SecondPoint(
                                point.second(),
                                point.offered(),
                                point.sent(),
                                point.achieved(),
                                point.p50Ms(),
                                point.p95Ms(),
                                point.p99Ms(),
                                Map.of()))
                        .toList(),
                report.generatorWarnings(),
                report.slos(),
                report.comparison(),
                report.cost(),
                report.trend(),
                report.platform(),
                report.platformUnavailable());
    }

    @Test
    @DisplayName("the endpoint chart has p50, p95 and p99 bars for each endpoint")
    void endpointBars() {
        // When
        var data = Charts.endpointLatencyChart(report).getCategoryPlot().getDataset();

        // Then
        assertThat(data.getRowKeys()).containsExactly("p50", "p95", "p99");
        assertThat(data.getColumnCount()).isEqualTo(5);
        assertThat(data.getValue("p99", "POST /api/v1/reservations")).isEqualTo(140.9);
    }

    @Test
    @DisplayName("every chart renders headless to a PNG of the asked size with a real picture in it")
    void rendersPng() throws IOException {
        // When
        Map<String, byte[]> pngs = Map.of(
                "throughput", Charts.throughput(report, 800, 300),
                "latency", Charts.latency(report, 800, 300),
                "errors", Charts.errors(report, 800, 300),
                "endpoint latency", Charts.endpointLatency(report, 800, 300));

        // Then
        for (Map.Entry<String, byte[]> png : pngs.entrySet()) {
            assertThat(Arrays.copyOf(png.getValue(), 8))
                    .as(png.getKey())
                    .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.getValue()));
            assertThat(image.getWidth()).as(png.getKey()).isEqualTo(800);
            assertThat(image.getHeight()).as(png.getKey()).isEqualTo(300);
            assertThat(distinctColours(image)).as(png.getKey()).isGreaterThan(10);
        }
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
