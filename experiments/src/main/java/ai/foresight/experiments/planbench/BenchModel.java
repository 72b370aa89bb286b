package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import java.util.Random;

/**
 * The world model a planning benchmark runs, and what its weights are. Timing does not depend on the
 * weights, but the search landscape does: a freshly initialised predictor's latent head is zero (it
 * copies the last frame whatever the actions), so {@link #freshPreset} redraws that head with small
 * random weights to make imagined latents depend on the actions.
 *
 * @param model the world model (owned: closed with this record)
 * @param description what was loaded, for the report, e.g. {@code preset wall (fresh weights)}
 * @param trained whether the weights come from training
 */
public record BenchModel(WorldModel model, String description, boolean trained) implements AutoCloseable {

    /** Standard deviation of the redrawn latent-head weights. */
    public static final float FRESH_HEAD_STD = 0.02f;

    public BenchModel {
        if (model == null) {
            throw new IllegalArgumentException("model: expected a WorldModel, got null");
        }
    }

    /**
     * A freshly initialised feature-mode model of {@code preset}, optionally for another encoder width.
     *
     * @param preset a {@link PredictorConfig#preset} id
     * @param featureDim encoder feature width D, or 0 to keep the preset's
     */
    public static BenchModel freshPreset(String preset, int featureDim, long seed, NDManager manager) {
        PredictorConfig p = PredictorConfig.preset(preset);
        if (featureDim < 0) {
            throw new IllegalArgumentException("featureDim: expected 0 (the preset's) or a positive width, got " + featureDim);
        }
        if (featureDim > 0) {
            p = p.withEncoder(featureDim, p.patchGrid());
        }
        WorldModel model = WorldModel.create(WorldModelConfig.features(p), seed, manager);
        redrawLatentHead(model, seed);
        return new BenchModel(model, "preset " + preset + " (fresh weights, D=" + p.featureDim() + ", latent head redrawn)", false);
    }

    private static void redrawLatentHead(WorldModel model, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (Pair<String, Parameter> p : model.parameters()) {
            if (p.getKey().endsWith("latent_head_weight")) {
                NDArray weight = p.getValue().getArray();
                float[] values = new float[Math.toIntExact(weight.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * FRESH_HEAD_STD;
                }
                weight.set(values);
                return;
            }
        }
        throw new IllegalStateException("latent head: no parameter named *latent_head_weight in " + model.parameters().keys());
    }

    @Override
    public void close() {
        model.close();
    }
}
