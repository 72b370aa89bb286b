package ai.foresight.experiments.pipeline;

import java.util.List;

/**
 * What {@link ModelTraining} trains: a world-model preset in a mode, on features of a named encoder.
 *
 * @param preset predictor preset: {@code tiny} (tests, under a minute), {@code wall}, {@code pointmaze}, {@code pusht}
 * @param mode {@code dino-wm} (predict the frozen features; Zhou et al. 2024) or {@code repo} (latent bottleneck with
 *     a KL budget and reward head; Zhu et al. 2023)
 * @param encoder encoder name or folder (see the encoders catalogue), e.g. {@code default}, {@code random-tiny}
 * @param steps optimiser steps, 0 for the preset's default
 * @param batchSize windows per step, 0 for the preset's default
 * @param seed seeds the model's initialisation, the split and every batch
 * @param learningRate peak learning rate, 0 for the preset's default
 * @param proprioWeight weight of the next-proprio MSE beside the feature MSE, negative for the preset's default
 * @param klBudget RePo's KL budget ε in nats per frame, negative for the default ({@code RepoConfig.defaults()});
 *     ignored in DINO-WM mode
 * @param rewardWeight weight of the reward-head NLL, negative for 0: every built-in world's recorded reward is the
 *     distance to a per-episode goal that its frames do not show, so predicting it from a frame is noise
 *     (raw, it reaches NLLs of ~100 and swamps the other terms)
 * @param proprioHeadWeight weight of the proprio head's NLL (the head reads proprio back from the latent; in RePo mode
 *     it is the task term that keeps the agent in z), negative for the preset's default (1)
 * @param pixelDecoder also train a small pixel decoder on detached latents (about 32 px frames), so {@code imagine} can
 *     draw rollouts; it never changes the predictor
 * @param posteriorReadsPatches RePo mode: the posterior's hidden layer reads every encoder patch and is pooled after
 *     (true, the default since session 9: it holds the agent far better among moving shapes, worldmodel README), or
 *     reads the pooled tokens (false, RePo's per-token form); see {@code RepoConfig}; ignored in DINO-WM mode
 * @param tokenGrid pooled tokens per side instead of the preset's (at most the encoder's patch grid), 0 for the preset's
 */
public record TrainSpec(String preset, String mode, String encoder, int steps, int batchSize, long seed, double learningRate,
        double proprioWeight, double klBudget, double rewardWeight, double proprioHeadWeight, boolean pixelDecoder,
        boolean posteriorReadsPatches, int tokenGrid) {
    public static final List<String> PRESETS = List.of("tiny", "wall", "pointmaze", "pusht");
    public static final List<String> MODES = List.of("dino-wm", "repo");
    /** What a RePo posterior reads: {@code tokens} (pooled first) or {@code patches} (pooled after its hidden layer). */
    public static final List<String> POSTERIOR_INPUTS = List.of("tokens", "patches");

    public TrainSpec {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset: expected one of " + String.join(", ", PRESETS) + ", got '" + preset + "'");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode: expected one of " + String.join(", ", MODES) + ", got '" + mode + "'");
        }
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("encoder: expected a name or folder, got '" + encoder + "'");
        }
        if (steps < 0 || batchSize < 0) {
            throw new IllegalArgumentException("steps/batchSize: expected >= 0 (0 = the preset's default), got " + steps + ", " + batchSize);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a finite value >= 0 (0 = the preset's default), got " + learningRate);
        }
        if (Double.isNaN(proprioWeight) || Double.isInfinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite value (negative = the preset's default), got " + proprioWeight);
        }
        if (Double.isNaN(rewardWeight) || Double.isInfinite(rewardWeight)) {
            throw new IllegalArgumentException("rewardWeight: expected a finite value (negative = 0), got " + rewardWeight);
        }
        if (Double.isNaN(proprioHeadWeight) || Double.isInfinite(proprioHeadWeight)) {
            throw new IllegalArgumentException("proprioHeadWeight: expected a finite value (negative = the preset's default), got "
                    + proprioHeadWeight);
        }
        if (Double.isNaN(klBudget) || Double.isInfinite(klBudget)) {
            throw new IllegalArgumentException("klBudget: expected a finite value in nats (negative = the default), got " + klBudget);
        }
        if (tokenGrid < 0) {
            throw new IllegalArgumentException("tokenGrid: expected >= 0 (0 = the preset's), got " + tokenGrid);
        }
    }

    /** A spec whose RePo posterior reads every patch, pooling to the preset's grid. */
    public TrainSpec(String preset, String mode, String encoder, int steps, int batchSize, long seed, double learningRate,
            double proprioWeight, double klBudget, double rewardWeight, double proprioHeadWeight, boolean pixelDecoder) {
        this(preset, mode, encoder, steps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight, proprioHeadWeight,
                pixelDecoder, true, 0);
    }

    /** The preset's learning rate and loss weights. */
    public TrainSpec(String preset, String mode, String encoder, int steps, int batchSize, long seed) {
        this(preset, mode, encoder, steps, batchSize, seed, 0, -1, -1, -1, -1, false);
    }

    /** The tiny preset in DINO-WM mode on an untrained tiny encoder: the smoke-test setting. */
    public static TrainSpec tiny() {
        return new TrainSpec("tiny", "dino-wm", "random-tiny", 0, 0, 0L);
    }

    /** A preset at its defaults with the shipped encoder. */
    public static TrainSpec defaults(String preset) {
        return new TrainSpec(preset, "dino-wm", "default", 0, 0, 0L);
    }

    public TrainSpec withEncoder(String name) {
        return new TrainSpec(preset, mode, name, steps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight, proprioHeadWeight, pixelDecoder,
                posteriorReadsPatches, tokenGrid);
    }

    public TrainSpec withSteps(int newSteps) {
        return new TrainSpec(preset, mode, encoder, newSteps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight, proprioHeadWeight, pixelDecoder,
                posteriorReadsPatches, tokenGrid);
    }

    /** The same spec with (or without) a pixel decoder trained on detached latents. */
    public TrainSpec withPixelDecoder(boolean enabled) {
        return new TrainSpec(preset, mode, encoder, steps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight, proprioHeadWeight, enabled,
                posteriorReadsPatches, tokenGrid);
    }

    /** The same spec with the RePo posterior reading every patch (true) or the pooled tokens (false). */
    public TrainSpec withPosteriorReadsPatches(boolean readsPatches) {
        return new TrainSpec(preset, mode, encoder, steps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight,
                proprioHeadWeight, pixelDecoder, readsPatches, tokenGrid);
    }

    /** The same spec pooling to {@code grid} x {@code grid} tokens (0: the preset's grid). */
    public TrainSpec withTokenGrid(int grid) {
        return new TrainSpec(preset, mode, encoder, steps, batchSize, seed, learningRate, proprioWeight, klBudget, rewardWeight,
                proprioHeadWeight, pixelDecoder, posteriorReadsPatches, grid);
    }
}
