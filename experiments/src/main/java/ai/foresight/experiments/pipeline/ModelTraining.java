package ai.foresight.experiments.pipeline;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.encoders.DatasetFrameSource;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.cache.CacheMetadata;
import ai.foresight.encoders.cache.FeatureCache;
import ai.foresight.encoders.cache.FeatureCacheConfig;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.experiments.encode.DatasetEncoding;
import ai.foresight.datasets.store.AtomicFileWriter;
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
 * apart for training and of H + 5 for open-loop validation (with the frames at the decoder's size when the spec asks
 * for a pixel decoder), fit with the worldmodel {@link Trainer}
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

    /**
     * Features of a dataset under one encoder.
     *
     * @param cache the opened feature cache
     * @param directory its folder, {@code DATA/features/<encoder id>}
     * @param frames frames encoded (or found)
     * @param seconds wall time of opening, and building when needed
     * @param reused whether matching features were already stored
     */
    public record Encoded(FeatureCache cache, Path directory, long frames, double seconds, boolean reused) {}

    private ModelTraining() {}

    /** Encodes every frame of the dataset in {@code dataDir} with the named encoder, unless its features are cached. */
    public static Encoded encode(String encoderName, Path dataDir, Events events) throws IOException {
        Dataset dataset = Dataset.open(dataDir);
        try (PatchEncoder encoder = Encoders.load(encoderName)) {
            return encode(encoder, dataset, dataDir, events);
        }
    }

    private static Encoded encode(PatchEncoder encoder, Dataset dataset, Path dataDir, Events events) throws IOException {
        long start = System.nanoTime();
        Path cacheDir = DatasetEncoding.defaultCacheDir(dataDir, encoder.id()); // shared with foresight encode
        DatasetFrameSource frames = DatasetFrameSource.of(dataset);
        if (!matches(FeatureCache.readMetadata(cacheDir), encoder, frames)) {
            events.encodingStarts(dataset.size());
        }
        FeatureCache cache = FeatureCache.open(cacheDir, encoder, frames, FeatureCacheConfig.defaults(), events::encoded);
        return new Encoded(cache, cacheDir, dataset.manifest().frames(), (System.nanoTime() - start) / 1e9, !cache.wasBuilt());
    }

    private static boolean matches(CacheMetadata m, PatchEncoder encoder, DatasetFrameSource frames) {
        return m != null && m.encoderId().equals(encoder.id()) && m.datasetChecksum().equals(frames.checksum());
    }

    /**
     * @param dataDir a dataset directory (its {@code features/} folder receives the encoder's cache)
     * @param outDir the model directory to write (a run there is resumed)
     */
    public static TrainingOutcome run(TrainSpec spec, Path dataDir, Path outDir, Events events) throws IOException {
        Dataset dataset = Dataset.open(dataDir);
        DatasetManifest data = dataset.manifest();
        try (PatchEncoder encoder = Encoders.load(spec.encoder()); NDManager manager = NDManager.newBaseManager()) {
            Encoded encoded = encode(encoder, dataset, dataDir, events);
            FeatureCache cache = encoded.cache();
            double encodeSeconds = encoded.reused() ? 0 : encoded.seconds();

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
                    Runtime.getRuntime().maxMemory() / 4, modelConfig.decoder() == null ? 0 : modelConfig.decoder().imageSize());
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
                AtomicFileWriter.writeFile(manifestFile, tmp -> TrainedModel.JSON.writeValue(tmp.toFile(), manifest));
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
