package ai.foresight.worldmodel.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.worldmodel.PredictorConfig;
import java.util.Random;

/**
 * A synthetic world with known, linear dynamics, for tests and smoke runs of the trainer: a point state
 * s ∈ R² moves by {@code Σ/k} of each frame step's k actions; every patch's feature is a fixed linear
 * function of the state, {@code f_p = M_p s + c_p} with {@code M_p = 0.7·M + 0.3·M'_p} (a common part and a
 * per-patch part, random from the dynamics seed); proprio is s and reward is −|s|². Since the features
 * are linear in s and s moves by the actions, the next frame's features are exactly predictable from the
 * current ones and the actions, while copying the last frame is wrong by {@code M_p Δs}.
 */
public final class LinearDynamicsWindows implements FeatureWindows {
    private static final int STATE = 2;
    /** Weight of the mixing matrix common to all patches; the rest varies per patch. */
    private static final double SHARED = 0.7;

    private final PredictorConfig config;
    private final int windowFrames;
    private final double gain;
    private final float[] mixing; // (N, D, 2)
    private final float[] offset; // (N, D)

    /**
     * @param config gives N, D, A, k and P (P must be 0 or 2)
     * @param windowFrames frames T per window
     * @param dynamicsSeed fixes M_p and c_p (the world); the sampler's Random draws states and actions
     */
    public LinearDynamicsWindows(PredictorConfig config, int windowFrames, long dynamicsSeed) {
        if (config.proprioDim() != 0 && config.proprioDim() != STATE) {
            throw new IllegalArgumentException("proprioDim: expected 0 or 2 for the synthetic point world, got " + config.proprioDim());
        }
        if (windowFrames < 2) {
            throw new IllegalArgumentException("windowFrames: expected at least 2, got " + windowFrames);
        }
        this.config = config;
        this.windowFrames = windowFrames;
        this.gain = 1.0 / config.frameskip();
        int n = config.patchesPerFrame();
        int d = config.featureDim();
        Random r = new Random(dynamicsSeed);
        float[] common = new float[d * STATE];
        for (int i = 0; i < common.length; i++) {
            common[i] = (float) r.nextGaussian();
        }
        this.mixing = new float[n * d * STATE];
        for (int i = 0; i < mixing.length; i++) {
            mixing[i] = (float) ((SHARED * common[i % (d * STATE)] + (1 - SHARED) * r.nextGaussian()) / Math.sqrt(STATE));
        }
        this.offset = new float[n * d];
        for (int i = 0; i < offset.length; i++) {
            offset[i] = (float) (0.5 * r.nextGaussian());
        }
    }

    @Override
    public int windowFrames() {
        return windowFrames;
    }

    @Override
    public WindowBatch sample(NDManager manager, int batchSize, Random random) {
        int t = windowFrames;
        int n = config.patchesPerFrame();
        int d = config.featureDim();
        int ka = config.frameActionDim();
        int a = config.actionDim();
        float[] features = new float[batchSize * t * n * d];
        float[] actions = new float[batchSize * (t - 1) * ka];
        float[] proprio = new float[batchSize * t * STATE];
        float[] reward = new float[batchSize * t];
        for (int b = 0; b < batchSize; b++) {
            double[] s = {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
            for (int f = 0; f < t; f++) {
                writeFrame(features, ((b * t) + f) * n * d, s);
                proprio[(b * t + f) * STATE] = (float) s[0];
                proprio[(b * t + f) * STATE + 1] = (float) s[1];
                reward[b * t + f] = (float) -(s[0] * s[0] + s[1] * s[1]);
                if (f < t - 1) {
                    int base = (b * (t - 1) + f) * ka;
                    for (int j = 0; j < ka; j++) {
                        float u = (float) (2 * random.nextDouble() - 1);
                        actions[base + j] = u;
                        if (j % a < STATE) {
                            s[j % a] += gain * u;
                        }
                    }
                }
            }
        }
        return new WindowBatch(
                manager.create(features, new Shape(batchSize, t, n, d)),
                manager.create(actions, new Shape(batchSize, t - 1, ka)),
                config.proprioDim() == 0 ? null : manager.create(proprio, new Shape(batchSize, t, STATE)),
                manager.create(reward, new Shape(batchSize, t)),
                null);
    }

    private void writeFrame(float[] out, int base, double[] s) {
        int cells = config.patchesPerFrame() * config.featureDim();
        for (int i = 0; i < cells; i++) {
            out[base + i] = (float) (mixing[i * STATE] * s[0] + mixing[i * STATE + 1] * s[1] + offset[i]);
        }
    }
}
