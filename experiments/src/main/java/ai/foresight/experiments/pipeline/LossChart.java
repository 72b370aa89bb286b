package ai.foresight.experiments.pipeline;

import ai.foresight.experiments.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The loss curve of a training run as a PNG (XChart): the training latent MSE per logged step and, at each
 * validation, the one-step MSE next to the copy-last-frame baseline, on a log scale. Read from the trainer's
 * {@code metrics.jsonl}, so it also draws a resumed run whole.
 */
final class LossChart {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LossChart() {}

    /** Writes the chart of {@code metrics} (a trainer's JSONL) to {@code png}; false when nothing was logged. */
    static boolean write(Path metrics, Path png, String title) throws IOException {
        List<double[]> train = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        List<double[]> copyLast = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            double step = n.path("step").asDouble();
            if (n.has("eval")) {
                validation.add(new double[] {step, n.path("eval").path("one_step_mse").asDouble()});
                copyLast.add(new double[] {step, n.path("eval").path("one_step_copy_last_mse").asDouble()});
            } else if (n.has("latent")) {
                train.add(new double[] {step, n.path("latent").asDouble()});
            }
        }
        if (train.isEmpty()) {
            return false;
        }
        XYChart chart = new XYChartBuilder().width(800).height(480).title(title).xAxisTitle("step").yAxisTitle("latent MSE").build();
        chart.getStyler().setYAxisLogarithmic(positive(train) && positive(validation) && positive(copyLast));
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        add(chart, "train (latent MSE)", train, false);
        if (!validation.isEmpty()) {
            add(chart, "validation 1-step MSE", validation, true);
            add(chart, "validation copy-last MSE", copyLast, true);
        }
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFile.write(png, tmp -> Files.write(tmp, bytes));
        return true;
    }

    private static boolean positive(List<double[]> points) {
        return points.stream().allMatch(p -> p[1] > 0);
    }

    private static void add(XYChart chart, String name, List<double[]> points, boolean markers) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        var series = chart.addSeries(name, x, y);
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
}
