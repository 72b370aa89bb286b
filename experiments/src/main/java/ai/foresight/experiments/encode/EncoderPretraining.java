package ai.foresight.experiments.encode;

import ai.foresight.encoders.dino.DinoConfig;
import ai.foresight.encoders.dino.DinoPretrainer;
import ai.foresight.encoders.dino.DinoStepRecord;
import ai.foresight.encoders.dino.PretrainProgress;
import ai.foresight.encoders.dino.PretrainResult;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.experiments.report.LineChart;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pretrains a patch encoder with DINO (Caron et al., 2021) on the frames of stored datasets, as
 * DINO-WM's frozen encoders are self-supervised: runs (or resumes) {@link DinoPretrainer} in the
 * output folder, then records which data it saw ({@value #TRAINING_DATA}) and draws the loss curve
 * ({@value #LOSS_CURVE}).
 */
public final class EncoderPretraining {
    /** Loss-curve picture in the output folder. */
    public static final String LOSS_CURVE = "loss_curve.png";
    /** The datasets and their checksums, in the output folder and beside the exported encoder. */
    public static final String TRAINING_DATA = "training_data.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderPretraining() {}

    /** What a run produced. */
    public record Outcome(PretrainResult result, DinoConfig config, DatasetFrames data, Path lossCurve) {}

    /**
     * Runs {@code plan} on {@code dataDirs} into {@code outDir}; a rerun into the same folder resumes
     * from its newest checkpoint.
     */
    public static Outcome run(PretrainPlan plan, List<Path> dataDirs, Path outDir, PretrainProgress progress)
            throws IOException {
        DatasetFrames data = DatasetFrames.open(dataDirs);
        DinoConfig config = plan.config(data.frames());
        Files.createDirectories(outDir);
        Map<String, Object> provenance = trainingData(data, plan, config);
        writeJson(outDir.resolve(TRAINING_DATA), provenance);
        PretrainResult result = DinoPretrainer.run(config, data.source(), outDir, progress);
        if (result.completed()) {
            writeJson(result.encoderDir().resolve(TRAINING_DATA), provenance);
        }
        Path curve = outDir.resolve(LOSS_CURVE);
        writeLossCurve(result.history(), curve, "DINO pretraining (" + plan.preset() + ", " + data.frames() + " frames)");
        return new Outcome(result, config, data, curve);
    }

    /** Draws the per-step loss and its trailing mean against the step. */
    public static void writeLossCurve(List<DinoStepRecord> history, Path file, String title) throws IOException {
        if (history.isEmpty()) {
            return;
        }
        double[] step = new double[history.size()];
        double[] loss = new double[history.size()];
        double[] entropy = new double[history.size()];
        for (int i = 0; i < step.length; i++) {
            step[i] = history.get(i).step();
            loss[i] = history.get(i).loss();
            entropy[i] = history.get(i).teacherEntropy();
        }
        int window = Math.max(1, step.length / 50);
        LineChart.Series raw = LineChart.Series.of("loss", step, loss);
        LineChart chart = new LineChart(title, "step", "nats").add(raw);
        if (window > 1) {
            chart.add(raw.movingAverage(window).named("loss, mean of " + window))
                    .add(LineChart.Series.of("teacher entropy", step, entropy).movingAverage(window)
                            .named("teacher entropy, mean of " + window));
        } else {
            chart.add(LineChart.Series.of("teacher entropy", step, entropy));
        }
        chart.writePng(file);
    }

    private static Map<String, Object> trainingData(DatasetFrames data, PretrainPlan plan, DinoConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasets", data.checksums());
        m.put("frames", data.frames());
        m.put("frame_source_checksum", data.source().checksum());
        m.put("preset", plan.preset());
        m.put("steps", config.steps());
        m.put("batch_size", config.batchSize());
        m.put("seed", config.seed());
        return m;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        AtomicFileWriter.writeFile(file, tmp -> JSON.writeValue(tmp.toFile(), value));
    }
}
