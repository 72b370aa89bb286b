package ai.foresight.planner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The per-dimension affine map between normalised actions u (what optimisers search) and
 * environment actions {@code a = mean + std * u}, in Java arrays and in NDArrays.
 */
final class ActionNormalization {
    private final float[] low;
    private final float[] high;
    private final float[] mean;
    private final float[] std;

    ActionNormalization(PlannerConfig config) {
        this.low = config.actionLow();
        this.high = config.actionHigh();
        this.mean = config.actionMean();
        this.std = config.actionStd();
    }

    int actionDim() {
        return mean.length;
    }

    /** Normalised image of the action bounds. */
    float[] normalisedLow() {
        float[] out = new float[low.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (low[i] - mean[i]) / std[i];
        }
        return out;
    }

    float[] normalisedHigh() {
        float[] out = new float[high.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (high[i] - mean[i]) / std[i];
        }
        return out;
    }

    /** Environment units of one normalised action, clipped to the bounds. */
    float[] toEnv(float[] u) {
        float[] a = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            a[i] = Math.max(low[i], Math.min(high[i], mean[i] + std[i] * u[i]));
        }
        return a;
    }

    /** Normalised units of one environment action (not clipped). */
    float[] toNormalised(float[] a) {
        float[] u = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            u[i] = (a[i] - mean[i]) / std[i];
        }
        return u;
    }

    /** {@code mean + std * u} for a population {@code (N, H, A)}, differentiable, in u's manager. */
    NDArray toEnv(NDArray u) {
        NDManager m = u.getManager();
        NDArray meanArray = m.create(mean);
        NDArray stdArray = m.create(std);
        NDArray scaled = u.mul(stdArray);
        NDArray env = scaled.add(meanArray);
        scaled.close();
        meanArray.close();
        stdArray.close();
        return env;
    }

    /** The normalised tail-fill action for {@code fill}. */
    float[] fillAction(TailFill fill) {
        if (fill == TailFill.MEAN) {
            return new float[mean.length];
        }
        float[] zero = new float[mean.length];
        for (int i = 0; i < zero.length; i++) {
            zero[i] = Math.max(low[i], Math.min(high[i], 0f));
        }
        return toNormalised(zero);
    }
}
