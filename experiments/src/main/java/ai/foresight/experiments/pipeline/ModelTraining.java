package ai.foresight.experiments.pipeline;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.encoders.DatasetFrameSource;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.cache.FeatureCache;
import ai.foresight.encoders.cache.FeatureCacheConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.experiments.io.AtomicFile;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.checkpoint.Checkpoints;
import ai.foresight.worldmodel.data.CachedFeatureWindows;
import ai.foresight.worldmodel.data.CachedWindowsConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import ai.foresight.worldmodel.train.Evaluation;
import ai.foresight.worldmodel.train.Evaluator;
import ai.foresight.worldmodel.train.Trainer;
import ai.foresight.worldmodel.train.TrainerConfig;
import ai.foresight.worldmodel.train.TrainingListener;
import ai.foresight.worldmodel.train.TrainingProgress;
import ai.foresight.worldmodel.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Trains a world model on a recorded dataset, start to finish: encode every frame once with the frozen
 * encoder (reusing {@code DATA/features/<encoder id>} when it matches), cut windows of H + 1 frames k steps
 * apart for training and of H + 5 for open-loop validation, fit with the worldmodel {@link Trainer}
 * (resuming from the newest checkpoint of the output directory), and write a self-contained model
 * directory: checkpoints with provenance, a copy of the encoder, {@code model.json} (normalisation, encoder
 * id, preset, world) written last, {@code metrics.jsonl} and a loss-curve PNG.
 */
public final class ModelTraining {
    /** Open-loop steps validated (DINO-WM plans 5 frame steps ahead). */
    public static final int OPEN_LOOP_STEPS = 5;
    /** Share of episodes held out for validation. */
    public static final double VALIDATION_FRACTION = 0.1;

    /** What a run reports while it works; every method is optional. */
    public interface Events {
        Events NONE = new Events() {};

        /** Before encoding, when the cached features must be (re)built. */
        default void encodingStarts(int episodes) {}

        default void encoded(int done, int total) {}

        default void trainingStarts(WorldModelConfig model, TrainerConfig trainer, long parameters) {}

        default void step(TrainingProgress progress) {}

        default void evaluated(long step, Evaluation evaluation) {}
    }

    private ModelTraining() {}

    /**
     * @param dataDir a dataset directory (its {@code features/} folder receives the encoder's cache)
     * @param outDir the model directory to write (a run there is resumed)
     */
    public static TrainingOutcome run(TrainSpec spec, Path dataDir, Path outDir, Events events) throws IOException {
        Dataset dataset = Dataset.open(dataDir);
        DatasetManifest data = dataset.manifest();
        try (PatchEncoder encoder = EncoderNames.load(spec.encoder()); NDManager manager = NDManager.newBaseManager()) {
            long encodeStart = System.nanoTime();
            Path cacheDir = dataDir.resolve("features").resolve(encoder.id());
            boolean reusable = FeatureCache.readMetadata(cacheDir) != null;
            if (!reusable) {
                events.encodingStarts(dataset.size());
            }
            FeatureCache cache = FeatureCache.open(cacheDir, encoder, DatasetFrameSource.of(dataset), FeatureCacheConfig.defaults(),
                    events::encoded);
            double encodeSeconds = cache.wasBuilt() ? (System.nanoTime() - encodeStart) / 1e9 : 0;

            WorldModelConfig modelConfig = ModelPresets.worldModel(spec, encoder, data);
            TrainerConfig trainerConfig = ModelPresets.trainer(spec);
            PredictorConfig p = modelConfig.predictor();
            int h = p.historyFrames();
            int k = p.frameskip();
            if ((h + 1) * k > data.steps()) {
                throw new IllegalArgumentException("data: episodes of " + data.steps() + " steps are too short for preset '" + spec.preset()
                        + "' (history " + h + " + 1 frames, frameskip " + k + ": at least " + (h + 1) * k + " steps)");
            }
            CachedWindowsConfig windows = new CachedWindowsConfig(h, k, 1, VALIDATION_FRACTION, spec.seed(),
                    Runtime.getRuntime().maxMemory() / 4);
            CachedFeatureWindows train = CachedFeatureWindows.train(dataset, cache, windows);
            int openLoop = Math.min(OPEN_LOOP_STEPS, data.steps() / k - h);
            CachedFeatureWindows validation = CachedFeatureWindows.validation(dataset, cache, windows.withPredict(openLoop));

            long trainStart = System.nanoTime();
            try (WorldModel model = WorldModel.create(modelConfig, spec.seed(), manager)) {
                events.trainingStarts(modelConfig, trainerConfig, model.parameterCount());
                TrainingResult result = new Trainer(trainerConfig, outDir, encoder.id()).fit(model, train, validation,
                        new TrainingListener() {
                            @Override
                            public void onStep(TrainingProgress progress) {
                                events.step(progress);
                            }

                            @Override
                            public void onEvaluation(long step, Evaluation evaluation) {
                                events.evaluated(step, evaluation);
                            }
                        });
                Evaluation evaluation = result.lastEvaluation() != null ? result.lastEvaluation()
                        : Evaluator.evaluate(model, validation, trainerConfig.evalBatches(), trainerConfig.batchSize(),
                                trainerConfig.seed() ^ 0x5eedL, manager);
                double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
                Path checkpoint = result.lastCheckpoint() != null ? result.lastCheckpoint()
                        : Checkpoints.latest(outDir.resolve("checkpoints")).orElseThrow(
                                () -> new IOException(outDir + ": no checkpoint was written"));
                String encoderDir = null;
                if (encoder instanceof VitPatchEncoder vit) {
                    vit.save(outDir.resolve(TrainedModel.ENCODER_DIR));
                    encoderDir = TrainedModel.ENCODER_DIR;
                }
                ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, data.world(), data.height(),
                        data.env().actionLow(), data.env().actionHigh(), spec.preset(), spec.mode(), spec.encoder(), encoder.id(),
                        encoderDir, DataNormalization.fromManifest(data), outDir.relativize(checkpoint).toString(),
                        result.step(), dataDir.toAbsolutePath().normalize().toString(), data.episodes(), Instant.now().toString());
                Path manifestFile = outDir.resolve(TrainedModel.MANIFEST);
                AtomicFile.write(manifestFile, tmp -> TrainedModel.JSON.writeValue(tmp.toFile(), manifest));
                Path chart = outDir.resolve("loss.png");
                Path metrics = outDir.resolve("metrics.jsonl");
                boolean drawn = Files.isRegularFile(metrics)
                        && LossChart.write(metrics, chart, spec.preset() + " world model on " + data.world() + " (" + spec.mode() + ")");
                return new TrainingOutcome(outDir, evaluation, result.step(), result.resumedFromStep(), encodeSeconds, trainSeconds,
                        drawn ? chart : null);
            }
        }
    }
}
