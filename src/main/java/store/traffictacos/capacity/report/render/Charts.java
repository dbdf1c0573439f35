package store.traffictacos.capacity.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import store.traffictacos.capacity.report.model.CapacityReport;
import store.traffictacos.capacity.report.model.CapacityReport.EndpointReport;
import store.traffictacos.capacity.report.model.CapacityReport.GeneratorWarning;
import store.traffictacos.capacity.report.model.CapacityReport.PhaseReport;
import store.traffictacos.capacity.report.model.CapacityReport.SecondPoint;
import store.traffictacos.capacity.report.model.FunnelReport;
import store.traffictacos.capacity.report.model.TrendPoint;
import store.traffictacos.capacity.report.settings.SloSet;

/**
 * The report's charts, drawn from the report alone at the size the caller asks for and returned as PNG
 * bytes, so that no caller depends on JFreeChart, which draws them. The time charts share one x axis
 * (seconds since the run start) with the phase boundaries drawn as vertical lines, each phase's
 * settle period shaded, since those seconds are drawn but left out of the statistics, and a phase that
 * is not judged shaded whole. Every title says what the chart shows; a series that is 0 throughout is
 * left out, for the report to name in a line.
 *
 * <p>The package-private {@code *Chart} methods build the charts before drawing, for the tests that
 * check what a chart shows.
 */
public final class Charts {
    static {
        // Reports are rendered on CI machines and servers without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String TIME_AXIS = "seconds since start";
    private static final Color SETTLE_SHADE = new Color(0, 0, 0, 22);
    private static final Color NOT_JUDGED_SHADE = new Color(70, 130, 180, 40);
    private static final Color GENERATOR_SHADE = new Color(255, 140, 0, 60);
    private static final Color SLO_LINE = new Color(200, 30, 30);
    private static final Color PHASE_LINE = new Color(90, 90, 90);
    private static final Color GRID = new Color(220, 220, 220);
    private static final int MEASURES_IN_TITLE = 4;
    /** How the report names each platform source (see the samplers' {@code SOURCE}). */
    private static final Map<String, String> SOURCES = Map.of(
            "target", "Embedded target",
            "local", "Embedded target's JVM",
            "redis", "Redis",
            "kubernetes", "Kubernetes",
            "cloudwatch", "ElastiCache (CloudWatch)");

    private Charts() {}

    /**
     * Draws one small chart now. Java2D registers JVM shutdown hooks when it is first used, which is
     * refused once the JVM is shutting down: a run stopped by Ctrl-C writes its report then, so a
     * controller draws once before the run.
     */
    public static void prepare() {
        png(ChartFactory.createXYLineChart("", "", "", new XYSeriesCollection()), 16, 16);
    }

    /** Offered (scheduled), sent and achieved (answered) requests per second; generator shortfalls shaded. */
    public static byte[] throughput(CapacityReport report, int width, int height) {
        return png(throughputChart(report), width, height);
    }

    /** p50, p95 and p99 per second with the p99 SLO threshold as a horizontal line. */
    public static byte[] latency(CapacityReport report, int width, int height) {
        return png(latencyChart(report), width, height);
    }

    /** Errors per second, stacked by kind (http_503, timeout, ...). */
    public static byte[] errors(CapacityReport report, int width, int height) {
        return png(errorsChart(report), width, height);
    }

    /** p50, p95 and p99 per endpoint over the measured run, one group of bars per endpoint. */
    public static byte[] endpointLatency(CapacityReport report, int width, int height) {
        return png(endpointLatencyChart(report), width, height);
    }

    /**
     * The knee (left axis) and the tracked phase's p99 (right axis) of each run in the report's trend,
     * by run start; a run without a knee or without responses leaves a gap in that line only.
     */
    /** The purchase funnel chart; the report must have a funnel. */
    public static byte[] funnel(CapacityReport report, int width, int height) {
        return png(funnelChart(report), width, height);
    }

    public static byte[] trend(CapacityReport report, int width, int height) {
        return png(trendChart(report), width, height);
    }

    /**
     * One platform source's series of one unit over the run (e.g. Redis CPU % of every node), leaving out
     * those that were 0 throughout ({@link #flatZero}), which the report names in a line instead.
     */
    public static byte[] platform(CapacityReport report, String source, String unit, int width, int height) {
        return png(platformChart(report, source, unit), width, height);
    }

    /**
     * A series that is 0 at every point: drawn, it is a line on the axis of a chart scaled around nothing
     * (−5E-9 to 5E-9), which says less than one line of text.
     */
    public static boolean flatZero(CapacityReport.PlatformSeries series) {
        return series.points().stream().allMatch(point -> point.value() == 0);
    }

    /** Whether any second of the run had an error; without any, the errors chart would be empty. */
    public static boolean anyErrors(CapacityReport report) {
        return report.timeline().stream()
                .anyMatch(point -> point.errorsByKind().values().stream().anyMatch(count -> count > 0));
    }

    /**
     * What a platform chart shows, in words, e.g. {@code Embedded target: capacity queue depth (requests)}:
     * the source, the measures its series are of (their last path segment, without the node or
     * workload they belong to, which the legend names) and the unit.
     */
    public static String platformTitle(String source, String unit, List<String> series) {
        List<String> measures = series.stream().map(Charts::measure).distinct().toList();
        String listed = measures.size() <= MEASURES_IN_TITLE
                ? String.join(", ", measures)
                : String.join(", ", measures.subList(0, MEASURES_IN_TITLE)) + " and "
                        + (measures.size() - MEASURES_IN_TITLE) + " more";
        return SOURCES.getOrDefault(source, source) + ": " + listed + " (" + unit + ")";
    }

    /** E.g. {@code hpa/tacos-app/gateway/current_replicas} reads {@code current replicas}. */
    private static String measure(String series) {
        return series.substring(series.lastIndexOf('/') + 1)
                .replace("_per_sec", " per second")
                .replace("_pct", " %")
                .replace('_', ' ')
                .strip();
    }

    static JFreeChart throughputChart(CapacityReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(timeSeries(report, "offered", SecondPoint::offered));
        data.addSeries(timeSeries(report, "sent", SecondPoint::sent));
        data.addSeries(timeSeries(report, "achieved", SecondPoint::achieved));
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Requests per second: offered, sent and achieved", TIME_AXIS, "req/s", data);
        XYPlot plot = timePlot(chart, report);
        // Offered is drawn on top (series 0 is drawn last) and dashed, so sent and achieved show
        // through where they match it, which is most of a healthy run.
        plot.getRenderer().setSeriesPaint(0, Color.BLACK);
        plot.getRenderer()
                .setSeriesStroke(
                        0,
                        new BasicStroke(
                                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (GeneratorWarning warning : report.generatorWarnings()) {
            IntervalMarker behind = new IntervalMarker(warning.fromSecond(), warning.toSecond(), GENERATOR_SHADE);
            behind.setLabel("generator behind");
            behind.setLabelAnchor(RectangleAnchor.BOTTOM);
            behind.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addDomainMarker(behind, Layer.BACKGROUND);
        }
        return chart;
    }

    static JFreeChart latencyChart(CapacityReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(timeSeries(report, "p50", SecondPoint::p50Ms));
        data.addSeries(timeSeries(report, "p95", SecondPoint::p95Ms));
        data.addSeries(timeSeries(report, "p99", SecondPoint::p99Ms));
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Latency per second: p50, p95 and p99, with the p99 SLO", TIME_AXIS, "ms", data);
        XYPlot plot = timePlot(chart, report);
        report.slos().slos().stream()
                .filter(slo -> slo.metric() == SloSet.Metric.P99_MS)
                .findFirst()
                .ifPresent(slo -> {
                    ValueMarker threshold = new ValueMarker(
                            slo.threshold(),
                            SLO_LINE,
                            new BasicStroke(
                                    2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
                    threshold.setLabel("p99 SLO " + ReportFiles.Text.ms(slo.threshold()));
                    threshold.setLabelPaint(SLO_LINE);
                    threshold.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    threshold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    plot.addRangeMarker(threshold);
                    // Keep the threshold in view even when every percentile stays far below it.
                    plot.getRangeAxis()
                            .setRange(0, Math.max(plot.getRangeAxis().getUpperBound(), slo.threshold() * 1.15));
                });
        return chart;
    }

    static JFreeChart errorsChart(CapacityReport report) {
        TreeSet<String> kinds = new TreeSet<>();
        report.timeline().forEach(point -> kinds.addAll(point.errorsByKind().keySet()));
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        for (String kind : kinds) {
            // A stacked dataset needs every kind at every second, zero where it did not occur.
            data.addSeries(
                    timeSeries(report, kind, point -> point.errorsByKind().getOrDefault(kind, 0L)));
        }
        JFreeChart chart = ChartFactory.createStackedXYAreaChart(
                "Errors per second by kind", TIME_AXIS, "errors/s", data, PlotOrientation.VERTICAL, true, false, false);
        timePlot(chart, report).setNoDataMessage("no errors");
        return chart;
    }

    static JFreeChart endpointLatencyChart(CapacityReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (EndpointReport endpoint : report.endpoints()) {
            data.addValue(endpoint.p50Ms(), "p50", endpoint.endpoint());
            data.addValue(endpoint.p95Ms(), "p95", endpoint.endpoint());
            data.addValue(endpoint.p99Ms(), "p99", endpoint.endpoint());
        }
        // Horizontal, so long endpoint names stay readable.
        JFreeChart chart = ChartFactory.createBarChart(
                "Latency per endpoint", "", "ms", data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        return chart;
    }

    /**
     * The purchase funnel: per phase (one bar series each), the share of the journeys that set out to purchase
     * that reached each stage. Only called for a report with a funnel.
     */
    static JFreeChart funnelChart(CapacityReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FunnelReport.Phase phase : report.funnel().phases()) {
            data.addValue(phase.joined() == 0 ? 0 : 100, phase.phase(), "joined");
            data.addValue(100 * phase.admittedShare(), phase.phase(), "admitted");
            data.addValue(100 * phase.heldShare(), phase.phase(), "held");
            data.addValue(100 * phase.paidShare(), phase.phase(), "paid");
            data.addValue(100 * phase.confirmedShare(), phase.phase(), "confirmed");
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Purchase funnel",
                "",
                "% of journeys that set out to purchase",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.getRangeAxis().setRange(0, 105);
        return chart;
    }

    static JFreeChart trendChart(CapacityReport report) {
        XYSeries knee = new XYSeries("knee (req/s)", true, true);
        XYSeries p99 = new XYSeries("p99 at peak (ms)", true, true);
        for (TrendPoint point : report.trend()) {
            if (point.kneeRps() != null) {
                knee.add(point.startEpochMs(), point.kneeRps());
            }
            if (!Double.isNaN(point.p99Ms())) {
                p99.add(point.startEpochMs(), point.p99Ms());
            }
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                "Knee and peak p99 by run", "run start", "req/s", new XYSeriesCollection(knee));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        // Two units, so two axes; points drawn, since a run is a sample, not a continuous measurement.
        plot.setRenderer(0, new XYLineAndShapeRenderer(true, true));
        plot.setDataset(1, new XYSeriesCollection(p99));
        plot.setRangeAxis(1, new NumberAxis("ms"));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer p99Line = new XYLineAndShapeRenderer(true, true);
        p99Line.setSeriesPaint(0, SLO_LINE);
        plot.setRenderer(1, p99Line);
        return chart;
    }

    static JFreeChart platformChart(CapacityReport report, String source, String unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> names = new ArrayList<>();
        for (CapacityReport.PlatformSeries series : report.platform()) {
            if (series.source().equals(source) && series.unit().equals(unit) && !flatZero(series)) {
                XYSeries points = new XYSeries(series.series(), true, true);
                series.points().forEach(point -> points.add(point.second(), point.value()));
                data.addSeries(points);
                names.add(series.series());
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(platformTitle(source, unit, names), TIME_AXIS, unit, data);
        timePlot(chart, report);
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            // Encoding into memory has no I/O to fail; this is a bug.
            throw new UncheckedIOException(e);
        }
    }

    private static XYSeries timeSeries(CapacityReport report, String name, ToDoubleFunction<SecondPoint> value) {
        // Sorted, no duplicate seconds: what DefaultTableXYDataset demands and a time line means.
        XYSeries series = new XYSeries(name, true, false);
        for (SecondPoint point : report.timeline()) {
            series.add(point.second(), value.applyAsDouble(point));
        }
        return series;
    }

    private static XYPlot timePlot(JFreeChart chart, CapacityReport report) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        // The same x range on every time chart, so they line up when read one above the other.
        long end = Math.max(
                report.phases().stream().mapToLong(PhaseReport::endSecond).max().orElse(0),
                report.timeline().stream()
                        .mapToLong(point -> point.second() + 1)
                        .max()
                        .orElse(0));
        if (end > 0) {
            plot.getDomainAxis().setRange(0, end);
        }
        for (PhaseReport phase : report.phases()) {
            if (!phase.judged()) {
                IntervalMarker notJudged = new IntervalMarker(phase.startSecond(), phase.endSecond(), NOT_JUDGED_SHADE);
                notJudged.setLabel(ReportFiles.Text.NOT_JUDGED);
                notJudged.setLabelAnchor(RectangleAnchor.BOTTOM);
                notJudged.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addDomainMarker(notJudged, Layer.BACKGROUND);
            }
            ValueMarker start = new ValueMarker(phase.startSecond(), PHASE_LINE, new BasicStroke(1f));
            start.setLabel(phase.name());
            start.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            start.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(start);
            if (phase.settleSeconds() > 0) {
                plot.addDomainMarker(
                        new IntervalMarker(
                                phase.startSecond(), phase.startSecond() + phase.settleSeconds(), SETTLE_SHADE),
                        Layer.BACKGROUND);
            }
        }
        return plot;
    }
}
