package store.traffictacos.capacity.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
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
