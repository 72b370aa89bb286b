package ai.foresight.experiments.planbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.foresight.experiments.pipeline.ModelManifest;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The world model a planning benchmark runs, and what its weights are. Timing does not depend on the
 * weights, but the search landscape does: a freshly initialised predictor's latent head is zero (it
 * copies the last frame whatever the actions), so {@link #freshPreset} redraws that head with small
 * random weights to make imagined latents depend on the actions.
 *
 * @param model the world model
 * @param description what was loaded, for the report, e.g. {@code preset wall (fresh weights)}
 * @param trained whether the weights come from training
 * @param owner what closing this record closes (the model itself, or the trained model directory holding it)
 */
public record BenchModel(WorldModel model, String description, boolean trained, AutoCloseable owner)
        implements AutoCloseable {

    /** Standard deviation of the redrawn latent-head weights. */
    public static final float FRESH_HEAD_STD = 0.02f;

    public BenchModel {
        if (model == null || owner == null) {
            throw new IllegalArgumentException("model, owner: expected values, got null");
        }
    }

    /** The world model of a trained model directory (see {@link TrainedModel#load}), weights as trained. */
    public static BenchModel trained(Path dir, NDManager manager) throws IOException {
        TrainedModel trained = TrainedModel.load(dir, manager);
        ModelManifest m = trained.manifest();
        return new BenchModel(trained.worldModel(), "trained model " + dir + " (" + m.world() + ", preset " + m.preset() + ", "
                + m.mode() + ", " + m.steps() + " steps)", true, trained);
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
        return new BenchModel(model, "preset " + preset + " (fresh weights, D=" + p.featureDim() + ", latent head redrawn)",
                false, model);
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
        try {
            owner.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing " + description + ": " + e.getMessage(), e);
        }
    }
}
