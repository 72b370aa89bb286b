package ai.foresight.server.backend;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.PixelNormalization;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;

/** Frames and inputs for the backend tests (tiny model: 32x32 frames, A = 2, P = 2, frameskip 2, history 2). */
final class TinyModels {
    private TinyModels() {
    }

    /**
     * The cheapest model with every moving part (for loops of thousands of plans): a one-block 16-dim ViT on 32 px
     * frames, a one-block predictor with history 2, frameskip 2, A = 2, P = 2, and non-trivial statistics.
     */
    static ServedModel micro(NDManager parent) {
        VitPatchEncoder encoder = VitPatchEncoder.create(new VitConfig(32, 8, 16, 1, 2, 32, 1,
                PixelNormalization.imagenet()), 9, parent.getDevice());
        PredictorConfig p = new PredictorConfig("micro", 16, 4, 2, 2, 2, 2, 2, 4, 4, false, 16, 1, 2, 32, 0f);
        WorldModel worldModel = WorldModel.create(WorldModelConfig.features(p), 9, parent);
        return new ServedModel("micro", encoder, worldModel, 32, 32, new float[] {-1, -2}, new float[] {1, 2},
                new DataNormalization(new double[] {0.1, -0.2}, new double[] {0.5, 1.5}, new double[] {3, 4},
                        new double[] {2, 1}));
    }

    /** A deterministic 32x32 frame: a bright square at a seed-dependent place on a dark gradient. */
    static Frame frame(int seed) {
        Frame f = Frame.blank(32, 32);
        int cx = 4 + (seed * 7) % 24;
        int cy = 4 + (seed * 11) % 24;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean square = Math.abs(x - cx) < 4 && Math.abs(y - cy) < 4;
                f.set(y, x, square ? 250 : x * 3, square ? 240 : y * 3, square ? 30 : 20 + seed % 50);
            }
        }
        return f;
    }
}
