package ai.foresight.datasets.window;

import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.FieldStats;

/**
 * Standardises actions and proprio per dimension, x' = (x - mean) / std, with a dataset's
 * statistics, and maps planned actions back. A dimension whose std is below {@link #MIN_STD}
 * (constant in the data) is only centred (its std is taken as 1) so that it cannot blow up.
 */
public final class Normalizer {
    /** Smallest std used as a divisor. */
    public static final double MIN_STD = 1e-6;

    private final double[] actionMean;
    private final double[] actionStd;
    private final double[] proprioMean;
    private final double[] proprioStd;

    public Normalizer(FieldStats action, FieldStats proprio) {
        this.actionMean = action.mean();
        this.actionStd = floor(action.std());
        this.proprioMean = proprio.mean();
        this.proprioStd = floor(proprio.std());
    }

    /** The statistics recorded in a dataset's manifest. */
    public static Normalizer fromManifest(DatasetManifest m) {
        return new Normalizer(m.actionStats(), m.proprioStats());
    }

    /** Leaves values unchanged (mean 0, std 1). */
    public static Normalizer identity(int actionDim, int proprioDim) {
        return new Normalizer(new FieldStats(new double[actionDim], ones(actionDim)),
                new FieldStats(new double[proprioDim], ones(proprioDim)));
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    private static double[] floor(double[] std) {
        double[] s = std.clone();
        for (int i = 0; i < s.length; i++) {
            if (s[i] < MIN_STD) {
                s[i] = 1;
            }
        }
        return s;
    }

    public int actionDim() {
        return actionMean.length;
    }

    public int proprioDim() {
        return proprioMean.length;
    }

    /** Normalised action component {@code d} of value {@code x}. */
    public float action(float x, int d) {
        return (float) ((x - actionMean[d]) / actionStd[d]);
    }

    /** Normalised proprio component {@code d} of value {@code x}. */
    public float proprio(float x, int d) {
        return (float) ((x - proprioMean[d]) / proprioStd[d]);
    }

    /**
     * Maps normalised actions back to world units, in place. {@code actions} holds whole actions of
     * A values each, e.g. a planner's (N, horizon, k·A) output flattened.
     */
    public void denormalizeActions(float[] actions) {
        int a = actionDim();
        if (actions.length % a != 0) {
            throw new IllegalArgumentException("actions: expected a multiple of " + a + " values, got " + actions.length);
        }
        for (int i = 0; i < actions.length; i++) {
            int d = i % a;
            actions[i] = (float) (actions[i] * actionStd[d] + actionMean[d]);
        }
    }
}
