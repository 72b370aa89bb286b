package ai.foresight.worldmodel.data;

import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.FieldStats;
import ai.foresight.datasets.window.Normalizer;
import java.util.Arrays;

/**
 * The per-dimension standardisation a world model was trained with, x' = (x − mean) / std for one environment
 * action (A) and one proprio vector (P), taken from a dataset manifest's statistics. A std below
 * {@link Normalizer#MIN_STD} counts as 1 (the same rule as the datasets window sampler), so a constant
 * dimension is only centred. Stored with every trained model, because planning must feed the model actions
 * and proprio in the units it learned, and map planned actions back to the world's.
 *
 * @param actionMean (A) mean of each action dimension, world units
 * @param actionStd (A) scale of each action dimension, world units, positive
 * @param proprioMean (P) mean of each proprio dimension
 * @param proprioStd (P) scale of each proprio dimension, positive
 */
public record DataNormalization(double[] actionMean, double[] actionStd, double[] proprioMean, double[] proprioStd) {

    public DataNormalization {
        actionMean = checked("actionMean", actionMean, -1, false);
        actionStd = checked("actionStd", actionStd, actionMean.length, true);
        proprioMean = checked("proprioMean", proprioMean, -1, false);
        proprioStd = checked("proprioStd", proprioStd, proprioMean.length, true);
        if (actionMean.length == 0) {
            throw new IllegalArgumentException("actionMean: expected at least one action dimension, got 0");
        }
    }

    private static double[] checked(String field, double[] values, int length, boolean positive) {
        if (values == null) {
            throw new IllegalArgumentException(field + ": expected a vector, got null");
        }
        if (length >= 0 && values.length != length) {
            throw new IllegalArgumentException(field + ": expected length " + length + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || positive && !(values[i] > 0)) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a finite value" + (positive ? " > 0" : "")
                        + ", got " + values[i]);
            }
        }
        return values.clone();
    }

    /** The statistics of a dataset's manifest, with the window sampler's floor on tiny stds. */
    public static DataNormalization fromManifest(DatasetManifest manifest) {
        return of(manifest.actionStats(), manifest.proprioStats());
    }

    /** From mean/std statistics of actions and proprio. */
    public static DataNormalization of(FieldStats action, FieldStats proprio) {
        return new DataNormalization(action.mean(), floor(action.std()), proprio.mean(), floor(proprio.std()));
    }

    /** Leaves values unchanged (mean 0, std 1). */
    public static DataNormalization identity(int actionDim, int proprioDim) {
        double[] as = new double[actionDim];
        double[] ps = new double[proprioDim];
        Arrays.fill(as, 1);
        Arrays.fill(ps, 1);
        return new DataNormalization(new double[actionDim], as, new double[proprioDim], ps);
    }

    private static double[] floor(double[] std) {
        double[] s = std.clone();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= Normalizer.MIN_STD)) {
                s[i] = 1;
            }
        }
        return s;
    }

    /** The datasets module's normaliser with the same statistics (for the window sampler). */
    public Normalizer toNormalizer() {
        return new Normalizer(new FieldStats(actionMean, actionStd), new FieldStats(proprioMean, proprioStd));
    }

    public int actionDim() {
        return actionMean.length;
    }

    public int proprioDim() {
        return proprioMean.length;
    }

    /** Normalised copy of a proprio vector (P). */
    public float[] normalizeProprio(float[] proprio) {
        checkProprio(proprio);
        float[] out = new float[proprio.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((proprio[i] - proprioMean[i]) / proprioStd[i]);
        }
        return out;
    }

    private void checkProprio(float[] proprio) {
        if (proprio == null || proprio.length != proprioDim()) {
            throw new IllegalArgumentException("proprio: expected length " + proprioDim() + ", got "
                    + (proprio == null ? "null" : proprio.length));
        }
    }

    /** World-unit copy of a normalised proprio vector (P): the inverse of {@link #normalizeProprio}. */
    public float[] denormalizeProprio(float[] proprio) {
        checkProprio(proprio);
        float[] out = new float[proprio.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (proprio[i] * proprioStd[i] + proprioMean[i]);
        }
        return out;
    }

    /**
     * Normalised copy of whole actions laid end to end (a multiple of A values, e.g. one frame step's k
     * actions concatenated).
     */
    public float[] normalizeActions(float[] actions) {
        int a = checkActions(actions);
        float[] out = new float[actions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((actions[i] - actionMean[i % a]) / actionStd[i % a]);
        }
        return out;
    }

    /** World-unit copy of normalised actions laid end to end (inverse of {@link #normalizeActions}). */
    public float[] denormalizeActions(float[] actions) {
        int a = checkActions(actions);
        float[] out = new float[actions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (actions[i] * actionStd[i % a] + actionMean[i % a]);
        }
        return out;
    }

    private int checkActions(float[] actions) {
        int a = actionDim();
        if (actions == null || actions.length % a != 0) {
            throw new IllegalArgumentException("actions: expected a multiple of " + a + " values, got "
                    + (actions == null ? "null" : actions.length));
        }
        return a;
    }

    /** The action mean repeated for k concatenated actions: (k·A). */
    public float[] frameActionMean(int frameskip) {
        return tiled(actionMean, frameskip);
    }

    /** The action std repeated for k concatenated actions: (k·A). */
    public float[] frameActionStd(int frameskip) {
        return tiled(actionStd, frameskip);
    }

    private static float[] tiled(double[] values, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("frameskip: expected at least 1, got " + times);
        }
        float[] out = new float[values.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i % values.length];
        }
        return out;
    }

    @Override
    public double[] actionMean() {
        return actionMean.clone();
    }

    @Override
    public double[] actionStd() {
        return actionStd.clone();
    }

    @Override
    public double[] proprioMean() {
        return proprioMean.clone();
    }

    @Override
    public double[] proprioStd() {
        return proprioStd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataNormalization n && Arrays.equals(n.actionMean, actionMean) && Arrays.equals(n.actionStd, actionStd)
                && Arrays.equals(n.proprioMean, proprioMean) && Arrays.equals(n.proprioStd, proprioStd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(actionMean) * 31 + Arrays.hashCode(proprioMean);
    }

    @Override
    public String toString() {
        return "DataNormalization[action mean " + Arrays.toString(actionMean) + " std " + Arrays.toString(actionStd)
                + ", proprio mean " + Arrays.toString(proprioMean) + " std " + Arrays.toString(proprioStd) + "]";
    }
}
