package ai.foresight.experiments.evaluate;

import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.datasets.store.AtomicFileWriter;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The two plots of an evaluation report (XChart PNGs): distance to the goal per episode, and planning time. */
final class EvaluationCharts {
    private static final Color SUCCESS = new Color(0x2e, 0x7d, 0x32);
    private static final Color FAILURE = new Color(0xc6, 0x28, 0x28);

    private EvaluationCharts() {}

    /**
     * Distance to the goal after each environment step, one line per episode (green: success, red: failure),
     * with the world's success threshold as a dashed line.
     */
    static void distanceCurves(List<EpisodeRecord> records, double threshold, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(480).title(title).xAxisTitle("environment step")
                .yAxisTitle("distance to goal").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int steps = 0;
        for (EpisodeRecord r : records) {
            double[] x = new double[r.distances().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            steps = Math.max(steps, x.length - 1);
            XYSeries s = chart.addSeries("pair " + r.pair(), x, r.distances());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(r.success() ? SUCCESS : FAILURE);
            s.setLineWidth(1.2f);
        }
        XYSeries line = chart.addSeries("success threshold", new double[] {0, Math.max(1, steps)}, new double[] {threshold, threshold});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.DARK_GRAY);
        line.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        write(chart, png);
    }

    /** Histogram of the seconds each call to the agent took (each replan). */
    static void planTimes(List<EpisodeRecord> records, String title, Path png) throws IOException {
        double[] times = records.stream().flatMapToDouble(r -> Arrays.stream(r.planSeconds())).toArray();
        CategoryChart chart = new CategoryChartBuilder().width(800).height(420).title(title).xAxisTitle("seconds per plan")
                .yAxisTitle("plans").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0.000");
        chart.getStyler().setAvailableSpaceFill(0.96);
        double max = Arrays.stream(times).max().orElse(1);
        double min = Arrays.stream(times).min().orElse(0);
        if (max <= min) {
            max = min + 1e-3;
        }
        Histogram histogram = new Histogram(Arrays.stream(times).boxed().toList(), 20, min, max);
        chart.addSeries("plans", histogram.getxAxisData(), histogram.getyAxisData());
        write(chart, png);
    }

    private static void write(Chart<?, ?> chart, Path png) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFileWriter.writeFile(png, tmp -> Files.write(tmp, bytes));
    }
}
