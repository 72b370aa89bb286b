package ai.foresight.server.backend;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.Arrays;
import java.util.List;

/**
 * Untrained models with a real architecture, seeded: for smoke tests of the serving path and for timing it (plan cost
 * does not depend on the weights). Their plans are meaningless; their ids say {@code untrained}.
 *
 * <ul>
 *   <li>{@code tiny}: 32 px ViT (4x4 patches of 32 dims), the tiny predictor (2x2 tokens, history 2, frameskip 2,
 *       A = 2, P = 2);</li>
 *   <li>{@code wall}: the default 64 px ViT (8x8 patches of 64 dims) and the Wall predictor (3x3 tokens, width 64,
 *       depth 3, history 1, frameskip 5, A = 2, P = 2), the size a real Wall model has.</li>
 * </ul>
 * Actions are bounded by [-1, 1] and statistics are the identity (mean 0, std 1).
 */
public final class SyntheticModels {
    private SyntheticModels() {
    }

    /** The preset names. */
    public static List<String> names() {
        return List.of("tiny", "wall");
    }

    /**
     * Builds preset {@code name}.
     *
     * @param parent the world model's parameters live in a sub-manager of it
     */
    public static ServedModel create(String name, long seed, NDManager parent) {
        return switch (name) {
            case "tiny" -> build(name, VitConfig.tiny(), PredictorConfig.tiny(), seed, parent);
            case "wall" -> build(name, VitConfig.defaults(), PredictorConfig.wall(), seed, parent);
            default -> throw new IllegalArgumentException("model: expected one of " + String.join(", ", names())
                    + ", got '" + name + "'");
        };
    }

    private static ServedModel build(String name, VitConfig vit, PredictorConfig predictor, long seed, NDManager parent) {
        VitPatchEncoder encoder = VitPatchEncoder.create(vit, seed, parent.getDevice());
        try {
            PredictorConfig p = predictor.withEncoder(encoder.dim(), encoder.gridHeight());
            WorldModel worldModel = WorldModel.create(WorldModelConfig.features(p), seed, parent);
            float[] low = new float[p.actionDim()];
            float[] high = new float[p.actionDim()];
            Arrays.fill(low, -1f);
            Arrays.fill(high, 1f);
            return new ServedModel("untrained-" + name + "-seed" + seed, encoder, worldModel, vit.imageSize(),
                    vit.imageSize(), low, high, DataNormalization.identity(p.actionDim(), p.proprioDim()));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }
}
