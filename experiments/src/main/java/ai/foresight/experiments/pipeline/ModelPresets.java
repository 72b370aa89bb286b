package ai.foresight.experiments.pipeline;

import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.worldmodel.DecoderConfig;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.train.TrainerConfig;

/**
 * Turns a {@link TrainSpec} into concrete model and trainer configs for one encoder and one dataset: the
 * preset fixes the predictor's size, history and frameskip; the encoder fixes the feature width and patch
 * grid; the dataset fixes the action and proprio sizes.
 */
final class ModelPresets {
    /** Most pixels per side of decoded frames: the largest multiple of the token grid up to it (32 for 4 x 4, 30 for 3 x 3). */
    static final int DECODER_SIZE = 32;
    /**
     * Hidden width of the decoder's per-token MLP. Measured on {@code wall} (experiments README): 128 adds 15–22% to
     * training time; 64 saved a few points of it but doubled the pixel MSE after 300 steps.
     */
    static final int DECODER_HIDDEN = 128;
    /**
     * RePo's KL budget for {@code train --mode repo}, nats per frame, chosen by a sweep on Wall with moving shapes
     * (5,000 steps each, worldmodel README): at 3 (the paper's) the constraint was still unmet at the end and the
     * proprio head got worse as β rose; at 10 it was met, the shapes' centres were unreadable from the latent
     * (held-out R² ≈ 0) and the agent was held as well as at 30, which let some of the shapes through (R² 0.10).
     */
    static final double DEFAULT_KL_BUDGET = 10;

    private ModelPresets() {}

    static WorldModelConfig worldModel(TrainSpec spec, PatchEncoder encoder, DatasetManifest data) {
        if (encoder.gridHeight() != encoder.gridWidth()) {
            throw new IllegalArgumentException("encoder: expected a square patch grid, got " + encoder.gridHeight() + "x"
                    + encoder.gridWidth());
        }
        PredictorConfig b = PredictorConfig.preset(spec.preset());
        int grid = encoder.gridHeight();
        int tokens = Math.min(spec.tokenGrid() > 0 ? spec.tokenGrid() : b.tokenGrid(), grid);
        PredictorConfig p = new PredictorConfig(b.name(), encoder.dim(), grid, tokens, b.historyFrames(),
                data.env().actionDim(), b.frameskip(), data.env().proprioDim(), b.actionEmbedDim(), b.proprioEmbedDim(),
                b.actionTokens(), b.width(), b.depth(), b.heads(), b.mlpDim(), b.dropout(), b.proprioResidual());
        WorldModelConfig model;
        if ("dino-wm".equals(spec.mode())) {
            model = WorldModelConfig.features(p);
        } else {
            model = WorldModelConfig.repo(p, repo(spec));
        }
        return spec.pixelDecoder() ? model.withDecoder(decoder(p.tokenGrid())) : model;
    }

    /** The bottleneck settings of a RePo-mode spec: the tiny test settings, or the paper's with ε and a faster dual step. */
    static RepoConfig repo(TrainSpec spec) {
        RepoConfig repo = "tiny".equals(spec.preset()) ? RepoConfig.tiny()
                : RepoConfig.defaults().withDualLearningRate(1e-2).withEpsilon(DEFAULT_KL_BUDGET);
        repo = repo.withPosteriorReadsPatches(spec.posteriorReadsPatches());
        return spec.klBudget() >= 0 ? repo.withEpsilon(spec.klBudget()) : repo;
    }

    /** The decoder of a model whose predictor pools to a {@code tokenGrid} x {@code tokenGrid} grid. */
    static DecoderConfig decoder(int tokenGrid) {
        return new DecoderConfig(Math.max(1, DECODER_SIZE / tokenGrid) * tokenGrid, DECODER_HIDDEN);
    }

    static TrainerConfig trainer(TrainSpec spec) {
        TrainerConfig base = "tiny".equals(spec.preset()) ? TrainerConfig.tiny() : TrainerConfig.defaults();
        int steps = spec.steps() > 0 ? spec.steps() : base.steps();
        int batch = spec.batchSize() > 0 ? spec.batchSize() : base.batchSize();
        int warmup = Math.min(base.warmupSteps(), Math.max(0, steps / 10));
        int logEvery = Math.max(1, Math.min(10, steps / 50));
        boolean tiny = "tiny".equals(spec.preset());
        int evalEvery = tiny ? steps : Math.max(1, steps / 5); // tiny runs validate once, at the end
        double lr = spec.learningRate() > 0 ? spec.learningRate() : base.peakLearningRate();
        double proprioWeight = spec.proprioWeight() >= 0 ? spec.proprioWeight() : base.proprioWeight();
        double proprioHeadWeight = spec.proprioHeadWeight() >= 0 ? spec.proprioHeadWeight() : base.proprioHeadWeight();
        return new TrainerConfig(steps, batch, lr, Math.min(base.finalLearningRate(), lr), warmup, base.weightDecay(),
                base.clipNorm(), proprioWeight, Math.max(0, spec.rewardWeight()), proprioHeadWeight, spec.seed(), logEvery,
                evalEvery, base.evalBatches(), steps, base.keepCheckpoints());
    }
}
