package ai.foresight.worldmodel.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModelConfig;

/**
 * A batch of B windows of T frames.
 *
 * @param features (B, T, N, D) encoder patch features
 * @param actions (B, T − 1, k·A) concatenated frame-step actions
 * @param proprio (B, T, P), or null when the world has no proprio
 * @param reward (B, T) reward received on reaching each frame, or null
 * @param pixels (B, T, 3, S, S) frames in [0, 1] for the optional decoder, or null
 */
public record WindowBatch(NDArray features, NDArray actions, NDArray proprio, NDArray reward, NDArray pixels) {
    public WindowBatch {
        if (features == null || actions == null) {
            throw new IllegalArgumentException("features/actions: expected arrays, got null");
        }
    }

    /** Frames per window T. */
    public int windowLength() {
        return (int) features.getShape().get(1);
    }

    public long batchSize() {
        return features.getShape().get(0);
    }

    /**
     * The same batch in libtorch-allocated (64-byte aligned) copies. Arrays built from Java buffers sit
     * wherever the JVM put them, and Intel documents that MKL's products may round differently by operand
     * alignment; the copy is cheap and removes that source of run-to-run differences.
     */
    public WindowBatch ownedCopy() {
        return new WindowBatch(features.duplicate(), actions.duplicate(), copy(proprio), copy(reward), copy(pixels));
    }

    private static NDArray copy(NDArray a) {
        return a == null ? null : a.duplicate();
    }

    /** Checks every array against the model's config, naming the first that does not fit. */
    public void validate(WorldModelConfig config) {
        PredictorConfig p = config.predictor();
        Shape f = features.getShape();
        if (f.dimension() != 4 || f.get(2) != p.patchesPerFrame() || f.get(3) != p.featureDim()) {
            throw new IllegalArgumentException("features: expected (B, T, " + p.patchesPerFrame() + ", " + p.featureDim() + "), got " + f);
        }
        long b = f.get(0);
        long t = f.get(1);
        if (t < p.historyFrames() + 1) {
            throw new IllegalArgumentException("features: expected at least history + 1 = " + (p.historyFrames() + 1) + " frames, got " + t);
        }
        expect("actions", actions, new Shape(b, t - 1, p.frameActionDim()));
        if (p.proprioDim() > 0) {
            expect("proprio", proprio, new Shape(b, t, p.proprioDim()));
        }
        if (config.rewardHead()) {
            expect("reward", reward, new Shape(b, t));
        }
        if (config.decoder() != null) {
            int s = config.decoder().imageSize();
            expect("pixels", pixels, new Shape(b, t, 3, s, s));
        }
    }

    private static void expect(String field, NDArray array, Shape shape) {
        if (array == null || !array.getShape().equals(shape)) {
            throw new IllegalArgumentException(field + ": expected " + shape + ", got " + (array == null ? "null" : array.getShape()));
        }
    }
}
