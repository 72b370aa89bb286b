package ai.foresight.experiments.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of named (x, y) series written as a PNG (via XChart): loss curves, training curves,
 * any metric against steps. Build it, add series, then {@link #render()} or {@link #writePng(Path)}.
 *
 * <pre>{@code
 * new LineChart("DINO pretraining", "step", "loss").logY(true)
 *     .add(LineChart.Series.of("loss", steps, losses))
 *     .add(LineChart.Series.of("loss", steps, losses).movingAverage(50).named("loss (mean of 50)"))
 *     .writePng(out.resolve("loss_curve.png"));
 * }</pre>
 */
public final class LineChart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private boolean logY;
    private int width = 800;
    private int height = 500;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
    }

    /**
     * One named line: {@code x[i], y[i]} pairs, x ascending is not required. Non-finite y values are
     * dropped when drawing (a diverged step should not blank the chart).
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("series name: expected a non-empty name");
            }
            if (x == null || y == null || x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': expected x and y of equal length, got "
                        + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
            }
            x = x.clone();
            y = y.clone();
        }

        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y);
        }

        /** y against 0, 1, 2, ... */
        public static Series of(String name, double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return new Series(name, x, y);
        }

        /** The same points under another name. */
        public Series named(String newName) {
            return new Series(newName, x, y);
        }

        /** Trailing mean of up to {@code window} points at each x (the first points average fewer). */
        public Series movingAverage(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("window: expected at least 1, got " + window);
            }
            double[] out = new double[y.length];
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += y[i];
                if (i >= window) {
                    sum -= y[i - window];
                }
                out[i] = sum / Math.min(i + 1, window);
            }
            return new Series(name, x, out);
        }

        public int size() {
            return x.length;
        }
    }

    /** Plots y on a log-10 axis; every drawn y must then be positive. */
    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Image size in pixels (default 800 x 500). */
    public LineChart size(int newWidth, int newHeight) {
        if (newWidth < 100 || newHeight < 100) {
            throw new IllegalArgumentException("size: expected at least 100x100 pixels, got " + newWidth + "x" + newHeight);
        }
        this.width = newWidth;
        this.height = newHeight;
        return this;
    }

    /** Adds a line; names must be unique within the chart. */
    public LineChart add(Series s) {
        for (Series existing : series) {
            if (existing.name().equals(s.name())) {
                throw new IllegalArgumentException("series '" + s.name() + "': name already used in this chart");
            }
        }
        series.add(s);
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    /** Draws the chart. */
    public BufferedImage render() {
        if (series.isEmpty()) {
            throw new IllegalStateException("chart '" + title + "': no series to draw");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(50, width / 10));
        for (Series s : series) {
            double[][] kept = drawable(s);
            XYSeries line = chart.addSeries(s.name(), kept[0], kept[1]);
            line.setMarker(SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Draws the chart into {@code file}, atomically. */
    public void writePng(Path file) throws IOException {
        PngFile.write(render(), file);
    }

    private double[][] drawable(Series s) {
        int n = 0;
        double[] x = new double[s.size()];
        double[] y = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            double yi = s.y()[i];
            if (!Double.isFinite(yi) || !Double.isFinite(s.x()[i])) {
                continue;
            }
            if (logY && yi <= 0) {
                throw new IllegalArgumentException("series '" + s.name() + "': log-y axis needs y > 0, got " + yi
                        + " at x = " + s.x()[i]);
            }
            x[n] = s.x()[i];
            y[n] = yi;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("series '" + s.name() + "': expected at least one finite point, got none");
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }
}
