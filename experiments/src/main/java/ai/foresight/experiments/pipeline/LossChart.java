package ai.foresight.experiments.pipeline;

import ai.foresight.experiments.report.LineChart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss curve of a training run as a PNG: the training latent MSE per logged step and, at each
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
        LineChart chart = new LineChart(title, "step", "latent MSE")
                .logY(positive(train) && positive(validation) && positive(copyLast))
                .add(series("train", train));
        if (!validation.isEmpty()) {
            chart.add(series("validation 1-step", validation)).add(series("validation copy-last", copyLast));
        }
        chart.writePng(png);
        return true;
    }

    private static boolean positive(List<double[]> points) {
        return points.stream().allMatch(p -> p[1] > 0);
    }

    private static LineChart.Series series(String name, List<double[]> points) {
        return LineChart.Series.of(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
